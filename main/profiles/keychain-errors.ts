import type { AppError } from '../../common/errors';
import { redact, REDACTED } from '../realsee/errors';

export type KeychainOperation = 'read' | 'save' | 'delete';

const operationText: Record<KeychainOperation, string> = {
  read: 'Roomdesk could not read the App Secret from the OS keychain.',
  save: 'Roomdesk could not save the App Secret in the OS keychain, so the profile was not saved.',
  delete: 'Roomdesk could not remove the App Secret from the OS keychain.',
};

export const keychainAdvice = {
  noSessionBus:
    'No D-Bus session bus is running, so the keychain cannot be reached. Start Roomdesk from your desktop session ' +
    "(or under dbus-run-session) with gnome-keyring or KeePassXC's Secret Service running, then try again.",
  noSecretService:
    "No Secret Service is running. Install and start gnome-keyring or KeePassXC's Secret Service, " +
    'then unlock your login keyring and try again.',
  noLoginKeyring:
    'Your keyring has no default "login" keyring. Open Passwords and Keys (Seahorse) or KeePassXC, create a keyring ' +
    'named "login" with a password (or make an existing one the default), unlock it, then try again.',
  lockedKeyring: 'Your login keyring is locked. Unlock it in Passwords and Keys (Seahorse) or KeePassXC, then try again.',
  macosDenied:
    'macOS Keychain refused access. When macOS asks, enter your login password and choose Allow (or Always Allow); ' +
    'if it keeps failing, unlock the "login" keychain in Keychain Access, then try again.',
  windowsCredentialManager:
    'Windows Credential Manager refused the request. Sign in to Windows with your own user account (Credential ' +
    'Manager is not available to service or temporary accounts), check that Credential Manager opens, then try again.',
  unknown: 'Check that your OS keychain is installed and unlocked, then try again.',
} as const;

type Advice = keyof typeof keychainAdvice;

/** keytar rejects with plain Errors that carry no code: the message is all there is to go on. */
const rules: ReadonlyArray<{ pattern: RegExp; advice: Advice }> = [
  {
    pattern: /Cannot autolaunch D-Bus|Could not connect:|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket/i,
    advice: 'noSessionBus',
  },
  { pattern: /org\.freedesktop\.secrets was not provided|ServiceUnknown/i, advice: 'noSecretService' },
  { pattern: /Object does not exist at path .*\/collection\/login/i, advice: 'noLoginKeyring' },
  { pattern: /locked collection|collection is locked|Prompt dismissed/i, advice: 'lockedKeyring' },
  {
    pattern: /User canceled|user name or passphrase you entered is not correct|errSecAuthFailed|User interaction is not allowed/i,
    advice: 'macosDenied',
  },
  {
    pattern: /logon session does not exist|Credential Manager|stub received bad data|CredWrite|CredRead/i,
    advice: 'windowsCredentialManager',
  },
];

function adviceFor(detail: string, platform: NodeJS.Platform): Advice {
  const match = rules.find((rule) => rule.pattern.test(detail));
  if (match) return match.advice;
  if (platform === 'win32') return 'windowsCredentialManager';
  if (platform === 'darwin' && /denied|not allowed|cancel/i.test(detail)) return 'macosDenied';
  return 'unknown';
}

const MAX_DETAIL_LENGTH = 200;

/**
 * Turns a keytar failure into an AppError the agent can act on. keytar's own text is kept at the
 * end (scrubbed of the secret) because it is what a support person needs to see.
 */
export function keychainErrorFromKeytar(
  error: unknown,
  options: { operation: KeychainOperation; secret?: string; platform?: NodeJS.Platform },
): AppError {
  const raw = error instanceof Error ? error.message : String(error);
  const detail = withoutSecret(raw, options.secret).slice(0, MAX_DETAIL_LENGTH);
  const advice = keychainAdvice[adviceFor(detail, options.platform ?? process.platform)];
  return {
    kind: 'keychain',
    message: `${operationText[options.operation]} ${advice} (Keychain said: ${detail || 'no details'})`,
  };
}

export function keychainModuleMissing(error: unknown): AppError {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, MAX_DETAIL_LENGTH);
  return {
    kind: 'keychain',
    message:
      "Roomdesk's keychain module (keytar) could not be loaded, so App Secrets cannot be stored or read. " +
      'Reinstall Roomdesk; on Linux also install libsecret (package libsecret-1-0). ' +
      `App Secrets are never kept anywhere but the OS keychain. (Loader said: ${detail})`,
  };
}

/** Replaces every occurrence of `secret` in `text`; keeps texts readable when there is none. */
export function withoutSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return redact(text.split(secret).join(REDACTED), [secret]);
}
