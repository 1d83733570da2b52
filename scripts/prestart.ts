// Runs before Electron starts (npm start, npm run dev, npm run test:e2e, scripts/dev.sh):
// refuses a Node of the wrong architecture, installs Electron's binary through Electron's own
// installer (electron-vite does not), and on Linux checks that Electron's sandbox can start.
// `--tests`: an Electron that cannot be installed is reported in one line and the run goes on,
// so the Electron suite skips with its reason while the other suites run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { architectureVerdict, electronInstallFailure, sandboxVerdict } from './prestart/checks';

const forTests = process.argv.includes('--tests');
const require = createRequire(import.meta.url);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function sysctl(name: string): string {
  try {
    return execFileSync('sysctl', ['-in', name], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const arch = architectureVerdict({
  platform: process.platform,
  nodeArch: process.arch,
  machineIsArm64: process.platform === 'darwin' && sysctl('hw.optional.arm64') === '1',
});
if (!arch.ok) fail(arch.message);

const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string };
// With an unpacked Electron of one's own there is nothing to install.
const install = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? { status: 0, stdout: '', stderr: '' }
  : spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' });
if (install.status !== 0) {
  const message = electronInstallFailure({ exitCode: install.status, output: `${install.stderr}\n${install.stdout}`, version });
  if (!forTests) fail(message);
  console.log(`Electron suite will skip: ${message}`);
  process.exit(0);
}

if (process.platform === 'linux' && !forTests) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const distDir = override ?? join(electronDir, 'dist');
  const binary = join(distDir, 'electron');
  const helperPath = join(distDir, 'chrome-sandbox');
  const helper = existsSync(helperPath) ? statSync(helperPath) : null;
  const profiles = existsSync('/etc/apparmor.d')
    ? readdirSync('/etc/apparmor.d', { withFileTypes: true }).filter((entry) => entry.isFile())
    : [];
  const sandbox = sandboxVerdict({
    platform: process.platform,
    restrictUnprivilegedUserns: readOrNull('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    sandboxHelper: helper ? { path: helperPath, uid: helper.uid, mode: helper.mode } : null,
    electronBinary: binary,
    appArmorProfileNamesBinary: profiles.some((entry) => readOrNull(join('/etc/apparmor.d', entry.name))?.includes(binary) ?? false),
  });
  if (!sandbox.ok) fail(sandbox.message);
}
