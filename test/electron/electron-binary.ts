import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds a runnable Electron binary without `require('electron')`, which would try to download one.
 * Returns the binary path, or the reason there is none.
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!override && !existsSync(pathFile)) {
    return {
      reason:
        'the Electron binary was never downloaded (electron/path.txt is missing); it downloads on first ' +
        'use on a machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron',
    };
  }
  const relative = override ? '' : readFileSync(pathFile, 'utf8').trim();
  const binary = override ? join(override, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron') : join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { reason: `no Electron binary at ${binary}` };
}
