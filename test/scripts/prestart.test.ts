import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../electron/electron-binary';

const root = resolve(import.meta.dirname, '../..');
const emptyCache = mkdtempSync(join(tmpdir(), 'roomdesk-electron-cache-'));
afterAll(() => rmSync(emptyCache, { recursive: true, force: true }));

// Electron's installer returns at once when the binary is there; only a missing one is downloaded.
const installed = 'path' in findElectronBinary();
if (installed) console.log('prestart offline checks skipped: Electron is installed here, so its installer does not download');

/** The start check with Electron's download pointed at a closed port and an empty cache: offline, everywhere. */
function prestartOffline(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/prestart.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: emptyCache, ELECTRON_OVERRIDE_DIST_PATH: '' },
  });
}

describe.skipIf(installed)('the start check without internet', () => {
  it('says so in one line and exits non-zero', () => {
    const result = prestartOffline();
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));
    expect(lines).toEqual([
      expect.stringMatching(/^Electron \d+\.\d+\.\d+ is not installed yet and its download failed: no internet connection\./),
    ]);
  });

  it('for the test run, reports the same in one line and lets the other suites run', () => {
    const result = prestartOffline('--tests');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^Electron suite will skip: Electron \d+\.\d+\.\d+ is not installed yet.*no internet connection/);
  });
});
