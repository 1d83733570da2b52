import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const HOW_TO_RUN =
  'Run them with `bash scripts/dev.sh test`, or by hand inside a private session with an unlocked gnome-keyring:\n' +
  "  dbus-run-session -- sh -c 'printf %s pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run test/main/profiles'";

/** Keychain tests must never pass by not running: without a Secret Service they fail with how to run them. */
export function requireSecretService(): void {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(`These tests use the real Secret Service, but DBUS_SESSION_BUS_ADDRESS is not set.\n${HOW_TO_RUN}`);
  }
  if (spawnSync('secret-tool', ['--version']).error) {
    throw new Error(`These tests read the keychain with secret-tool (apt: libsecret-tools), which is not installed.\n${HOW_TO_RUN}`);
  }
}

/** For tests that start their own D-Bus session and gnome-keyring. */
export function requireKeyringTools(): void {
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (spawnSync(tool, ['--version']).error) {
      throw new Error(`This test starts its own keyring with ${tool}, which is not installed (apt: dbus gnome-keyring).`);
    }
  }
}

export function uniqueService(): string {
  return `Roomdesk-test-${randomBytes(5).toString('hex')}`;
}

export function uniqueSecret(label: string): string {
  return `${label}-${randomBytes(12).toString('hex')}`;
}

/** What the Secret Service holds for keytar's (service, account), read without keytar. */
export function secretToolLookup(service: string, account: string): string | null {
  const result = spawnSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0 ? result.stdout : null;
}
