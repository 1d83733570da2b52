import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where Electron's executable sits in an unpacked Electron, per platform (as electron/install.js writes path.txt). */
const executableIn: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
  linux: 'electron',
};

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
        'the Electron binary is not installed (electron/path.txt is missing); `npm run test:e2e` installs it on a ' +
        'machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron',
    };
  }
  const relative = override ? '' : readFileSync(pathFile, 'utf8').trim();
  const binary = override ? join(override, executableIn[process.platform] ?? 'electron') : join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { reason: `no Electron binary at ${binary}` };
}
