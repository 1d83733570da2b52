import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

function newestTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((file) => {
    try {
      return statSync(join(projectRoot, file)).mtimeMs;
    } catch {
      return 0;
    }
  });
  const sources = Math.max(...['main', 'preload', 'common', 'renderer'].map((dir) => newestTime(join(projectRoot, dir))));
  return sources > Math.min(...built);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Tests of the built files run on a fresh build: rebuilds when a source is newer than `out/`.
 * Test files run in parallel workers, so one builds while the others wait for it.
 */
export function ensureBuilt(): void {
  if (!isStale()) return;
  const lock = join(projectRoot, 'node_modules/.roomdesk-build-lock');
  const deadline = Date.now() + 110_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`waited too long for another build (remove ${lock} if none runs)`);
      sleep(200);
    }
  }
  try {
    // Through node itself, so it runs the same on Windows (where .bin holds .cmd shims).
    if (isStale())
      execFileSync(process.execPath, [join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
        cwd: projectRoot,
        stdio: 'ignore',
      });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
