import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the start commands', () => {
  it("run the machine check and Electron's own installer before electron-vite", () => {
    expect(scripts.start).toBe('tsx scripts/prestart.ts && npm run build:guest && electron-vite preview');
    expect(scripts.dev).toBe('tsx scripts/prestart.ts && npm run build:guest && electron-vite dev');
    expect(scripts['test:e2e']).toMatch(/^tsx scripts\/prestart\.ts --tests && npm run build && tsx scripts\/e2e\.ts$/);
    // The sandbox serves the guest page from its own build: every way of running the app builds it too.
    expect(scripts.build).toContain('vite build -c vite.guest.config.ts');
    expect(scripts['build:guest']).toBe('vite build -c vite.guest.config.ts');
    expect(readFileSync(join(root, 'scripts/prestart.ts'), 'utf8')).toContain("join(electronDir, 'install.js')");
  });

  it('npm start builds once: electron-vite preview builds by itself, so there is no separate build step', () => {
    expect(scripts.start).not.toMatch(/electron-vite build/);
    expect(scripts.start).not.toMatch(/--skipBuild/);
  });

  it('scripts/dev.sh start goes through npm start, and the full test run installs Electron where it can', () => {
    expect(readFileSync(join(root, 'scripts/dev.sh'), 'utf8')).toMatch(/start\) exec npm start ;;/);
    const testRun = readFileSync(join(root, 'scripts/test.mjs'), 'utf8');
    expect(testRun).toMatch(/scripts\/prestart\.ts', '--tests'/);
    expect(testRun).toMatch(/scripts\/e2e\.ts/);
  });
});
