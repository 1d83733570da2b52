import { describe, expect, it } from 'vitest';
import { keychainAdvice, keychainErrorFromKeytar, keychainModuleMissing } from '../../../main/profiles/keychain-errors';

const cases: Array<{ keytarMessage: string; platform: NodeJS.Platform; advice: keyof typeof keychainAdvice }> = [
  { keytarMessage: 'Cannot autolaunch D-Bus without X11 $DISPLAY', platform: 'linux', advice: 'noSessionBus' },
  { keytarMessage: 'Could not connect: No such file or directory', platform: 'linux', advice: 'noSessionBus' },
  {
    keytarMessage: 'The name org.freedesktop.secrets was not provided by any .service files',
    platform: 'linux',
    advice: 'noSecretService',
  },
  {
    keytarMessage: 'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
    platform: 'linux',
    advice: 'noLoginKeyring',
  },
  { keytarMessage: 'Cannot create an item in a locked collection', platform: 'linux', advice: 'lockedKeyring' },
  { keytarMessage: 'User canceled the operation.', platform: 'darwin', advice: 'macosDenied' },
  {
    keytarMessage: 'The user name or passphrase you entered is not correct.',
    platform: 'darwin',
    advice: 'macosDenied',
  },
  { keytarMessage: 'errSecAuthFailed', platform: 'darwin', advice: 'macosDenied' },
  {
    keytarMessage: 'A specified logon session does not exist. It may already have been terminated.',
    platform: 'win32',
    advice: 'windowsCredentialManager',
  },
  { keytarMessage: 'The stub received bad data.', platform: 'win32', advice: 'windowsCredentialManager' },
  { keytarMessage: 'Access is denied.', platform: 'win32', advice: 'windowsCredentialManager' },
];

describe('keychainErrorFromKeytar', () => {
  for (const { keytarMessage, platform, advice } of cases) {
    it(`maps "${keytarMessage}" to the ${advice} advice`, () => {
      const error = keychainErrorFromKeytar(new Error(keytarMessage), { operation: 'save', platform });
      expect(error.kind).toBe('keychain');
      expect(error.message).toContain(keychainAdvice[advice]);
      expect(error.message).toContain('the profile was not saved');
      expect(error.message).toContain(keytarMessage);
    });
  }

  it('tells the agent what to do for a missing Secret Service', () => {
    const error = keychainErrorFromKeytar(new Error('The name org.freedesktop.secrets was not provided by any .service files'), {
      operation: 'read',
      platform: 'linux',
    });
    expect(error.message).toContain("Install and start gnome-keyring or KeePassXC's Secret Service");
    expect(error.message).toContain('unlock your login keyring');
    expect(error.message).toContain('could not read');
  });

  it('never repeats the secret, even when the keychain quotes it', () => {
    const secret = 'S3cr3t-value-that-must-not-leak';
    const error = keychainErrorFromKeytar(new Error(`Could not store "${secret}": Cannot create an item in a locked collection`), {
      operation: 'save',
      secret,
      platform: 'linux',
    });
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('[redacted]');
    expect(error.message).toContain(keychainAdvice.lockedKeyring);
  });

  it('gives general advice with the keychain text for an unknown Linux failure', () => {
    const error = keychainErrorFromKeytar(new Error('Something odd happened'), { operation: 'delete', platform: 'linux' });
    expect(error.message).toContain(keychainAdvice.unknown);
    expect(error.message).toContain('Something odd happened');
    expect(error.message).toContain('could not remove');
  });

  it('points every unknown Windows failure at Credential Manager', () => {
    const error = keychainErrorFromKeytar(new Error('The parameter is incorrect.'), { operation: 'save', platform: 'win32' });
    expect(error.message).toContain(keychainAdvice.windowsCredentialManager);
  });

  it('accepts a rejection that is not an Error', () => {
    const error = keychainErrorFromKeytar('Cannot create an item in a locked collection', { operation: 'save', platform: 'linux' });
    expect(error.message).toContain(keychainAdvice.lockedKeyring);
  });
});

describe('keychainModuleMissing', () => {
  it('says the module failed to load and that no other storage is used', () => {
    const error = keychainModuleMissing(new Error('libsecret-1.so.0: cannot open shared object file'));
    expect(error.kind).toBe('keychain');
    expect(error.message).toContain('could not be loaded');
    expect(error.message).toContain('libsecret-1.so.0');
    expect(error.message).toContain('never kept anywhere but the OS keychain');
  });
});
