// Pure decisions made before Electron starts. Each takes facts read from the machine and returns
// what to do; scripts/prestart.ts reads the facts and acts.

export type Verdict = { ok: true } | { ok: false; message: string };

const OK: Verdict = { ok: true };

/**
 * Electron and keytar's native module must be built for the machine's architecture. On an Apple
 * silicon Mac an Intel (x64) Node runs under Rosetta and would install x64 Electron and keytar.
 */
export function architectureVerdict(facts: { platform: string; nodeArch: string; machineIsArm64: boolean }): Verdict {
  if (facts.platform !== 'darwin' || facts.nodeArch !== 'x64' || !facts.machineIsArm64) return OK;
  return {
    ok: false,
    message:
      'This Node.js is the Intel (x64) build, running under Rosetta on an Apple silicon Mac. Electron and keytar must ' +
      'match the machine: install the Apple silicon (arm64) Node.js 22 from https://nodejs.org or Homebrew, delete ' +
      'node_modules, and run again.',
  };
}

/** Electron's installer failed: why, in one line. Its own output is a stack trace. */
export function electronInstallFailure(facts: { exitCode: number | null; output: string; version: string }): string {
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/i.test(
    facts.output,
  );
  if (offline) {
    return (
      `Electron ${facts.version} is not installed yet and its download failed: no internet connection. ` +
      'Connect once (the binary is cached afterwards) and run again, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron.'
    );
  }
  const lastLine =
    facts.output
      .trim()
      .split('\n')
      .find((line) => line.trim() !== '') ?? 'no output';
  return `Electron ${facts.version} could not be installed (installer exit ${facts.exitCode ?? 'signal'}): ${lastLine.trim()}`;
}

export interface SandboxFacts {
  platform: string;
  /** Contents of /proc/sys/kernel/apparmor_restrict_unprivileged_userns; null when the file does not exist. */
  restrictUnprivilegedUserns: string | null;
  /** Electron's setuid sandbox helper (dist/chrome-sandbox); null when it is missing. */
  sandboxHelper: { path: string; uid: number; mode: number } | null;
  electronBinary: string;
  /** An AppArmor profile in /etc/apparmor.d names the Electron binary (and so may allow `userns`). */
  appArmorProfileNamesBinary: boolean;
}

/**
 * Ubuntu 24.04 and later forbid unprivileged user namespaces to programs without an AppArmor
 * profile, so Chromium's sandbox cannot start and Electron aborts. The way out is either the
 * setuid helper (root-owned, mode 4755) or an AppArmor profile that allows `userns`; turning the
 * sandbox off is not one of them.
 */
export function sandboxVerdict(facts: SandboxFacts): Verdict {
  if (facts.platform !== 'linux' || facts.restrictUnprivilegedUserns?.trim() !== '1') return OK;
  const helper = facts.sandboxHelper;
  const helperReady = helper !== null && helper.uid === 0 && (helper.mode & 0o4755) === 0o4755;
  if (helperReady || facts.appArmorProfileNamesBinary) return OK;
  const helperPath = helper?.path ?? facts.electronBinary.replace(/electron$/, 'chrome-sandbox');
  const profile = `abi <abi/4.0>,\\ninclude <tunables/global>\\nprofile roomdesk-electron "${facts.electronBinary}" flags=(unconfined) {\\n  userns,\\n}\\n`;
  return {
    ok: false,
    message: [
      "This system forbids the user namespaces Electron's sandbox needs (kernel.apparmor_restrict_unprivileged_userns=1,",
      'the default since Ubuntu 24.04), so Electron would abort at start. Roomdesk never runs without its sandbox. Fix it once, either way:',
      '',
      "  1. make Electron's sandbox helper root-owned and setuid:",
      `     sudo chown root:root "${helperPath}" && sudo chmod 4755 "${helperPath}"`,
      '',
      '  2. or give this Electron an AppArmor profile that allows user namespaces:',
      `     printf '${profile}' | sudo tee /etc/apparmor.d/roomdesk-electron >/dev/null && sudo apparmor_parser -r /etc/apparmor.d/roomdesk-electron`,
      '',
      'Then run the same command again. (An installed Roomdesk package sets up its own helper.)',
    ].join('\n'),
  };
}

/**
 * How to run a command that opens windows: on Linux without a display (CI, SSH) under
 * `xvfb-run -a`; elsewhere as it is.
 */
export function displayWrapper(facts: {
  platform: string;
  env: Record<string, string | undefined>;
  xvfbRunAvailable: boolean;
}): { prefix: string[] } | { missing: string } {
  if (facts.platform !== 'linux' || facts.env.DISPLAY || facts.env.WAYLAND_DISPLAY) return { prefix: [] };
  if (!facts.xvfbRunAvailable)
    return { missing: 'No display and no xvfb-run: install xvfb (sudo apt-get install xvfb) to run the Electron suite headless.' };
  return { prefix: ['xvfb-run', '-a'] };
}
