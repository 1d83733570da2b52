import { describe, expect, it } from 'vitest';
import {
  architectureVerdict,
  displayWrapper,
  electronInstallFailure,
  sandboxVerdict,
  type SandboxFacts,
} from '../../scripts/prestart/checks';

describe('architectureVerdict', () => {
  it('refuses an x64 Node on an Apple silicon Mac, saying what to install', () => {
    const verdict = architectureVerdict({ platform: 'darwin', nodeArch: 'x64', machineIsArm64: true });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.message).toMatch(/Rosetta.*arm64/s);
  });

  it('accepts matching architectures and every other platform', () => {
    expect(architectureVerdict({ platform: 'darwin', nodeArch: 'arm64', machineIsArm64: true })).toEqual({ ok: true });
    expect(architectureVerdict({ platform: 'darwin', nodeArch: 'x64', machineIsArm64: false })).toEqual({ ok: true });
    expect(architectureVerdict({ platform: 'linux', nodeArch: 'x64', machineIsArm64: true })).toEqual({ ok: true });
  });
});

describe('electronInstallFailure', () => {
  it('says "no internet" in one line when the download could not connect', () => {
    const output = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:15270:13\n    at async FetchDownloader.download';
    const message = electronInstallFailure({ exitCode: 1, output, version: '45.5.0' });
    expect(message).toContain('no internet connection');
    expect(message).toContain('45.5.0');
    expect(message).not.toContain('\n');
    expect(electronInstallFailure({ exitCode: 1, output: 'Error: getaddrinfo ENOTFOUND github.com', version: '45.5.0' })).toContain(
      'no internet',
    );
  });

  it("reports any other failure with the installer's first line, still on one line", () => {
    const message = electronInstallFailure({
      exitCode: 1,
      output: '\nError: checksum mismatch for electron-v45.zip\n    at verify',
      version: '45.5.0',
    });
    expect(message).toBe('Electron 45.5.0 could not be installed (installer exit 1): Error: checksum mismatch for electron-v45.zip');
  });
});

describe('sandboxVerdict', () => {
  const restricted: SandboxFacts = {
    platform: 'linux',
    restrictUnprivilegedUserns: '1\n',
    sandboxHelper: { path: '/app/node_modules/electron/dist/chrome-sandbox', uid: 1000, mode: 0o100755 },
    electronBinary: '/app/node_modules/electron/dist/electron',
    appArmorProfileNamesBinary: false,
  };

  it('on Ubuntu 24.04 with an unconfigured helper, gives both exact remedies and never suggests --no-sandbox', () => {
    const verdict = sandboxVerdict(restricted);
    expect(verdict.ok).toBe(false);
    const message = verdict.ok ? '' : verdict.message;
    expect(message).toContain('kernel.apparmor_restrict_unprivileged_userns=1');
    expect(message).toContain(
      'sudo chown root:root "/app/node_modules/electron/dist/chrome-sandbox" && sudo chmod 4755 "/app/node_modules/electron/dist/chrome-sandbox"',
    );
    expect(message).toContain('profile roomdesk-electron "/app/node_modules/electron/dist/electron" flags=(unconfined)');
    expect(message).toContain('userns,');
    expect(message).toContain('sudo apparmor_parser -r /etc/apparmor.d/roomdesk-electron');
    expect(message).not.toMatch(/--no-sandbox/);
  });

  it('passes with a root-owned setuid helper, or a profile naming the binary', () => {
    expect(sandboxVerdict({ ...restricted, sandboxHelper: { ...restricted.sandboxHelper!, uid: 0, mode: 0o104755 } })).toEqual({
      ok: true,
    });
    expect(sandboxVerdict({ ...restricted, appArmorProfileNamesBinary: true })).toEqual({ ok: true });
  });

  it('refuses a root-owned helper without the setuid bit, and a missing helper', () => {
    expect(sandboxVerdict({ ...restricted, sandboxHelper: { ...restricted.sandboxHelper!, uid: 0, mode: 0o100755 } }).ok).toBe(false);
    expect(sandboxVerdict({ ...restricted, sandboxHelper: null }).ok).toBe(false);
  });

  it('passes where user namespaces are not restricted, and off Linux', () => {
    expect(sandboxVerdict({ ...restricted, restrictUnprivilegedUserns: '0\n' })).toEqual({ ok: true });
    expect(sandboxVerdict({ ...restricted, restrictUnprivilegedUserns: null })).toEqual({ ok: true });
    expect(sandboxVerdict({ ...restricted, platform: 'darwin' })).toEqual({ ok: true });
  });
});

describe('displayWrapper', () => {
  it('wraps in xvfb-run -a on Linux without a display', () => {
    expect(displayWrapper({ platform: 'linux', env: {}, xvfbRunAvailable: true })).toEqual({ prefix: ['xvfb-run', '-a'] });
    expect(displayWrapper({ platform: 'linux', env: {}, xvfbRunAvailable: false })).toHaveProperty('missing');
  });

  it('runs as it is with a display, and on macOS and Windows', () => {
    expect(displayWrapper({ platform: 'linux', env: { DISPLAY: ':0' }, xvfbRunAvailable: true })).toEqual({ prefix: [] });
    expect(displayWrapper({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, xvfbRunAvailable: true })).toEqual({ prefix: [] });
    expect(displayWrapper({ platform: 'darwin', env: {}, xvfbRunAvailable: false })).toEqual({ prefix: [] });
    expect(displayWrapper({ platform: 'win32', env: {}, xvfbRunAvailable: false })).toEqual({ prefix: [] });
  });
});
