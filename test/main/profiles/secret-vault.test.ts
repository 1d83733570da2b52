import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { keychainAdvice } from '../../../main/profiles/keychain-errors';
import { createKeytarVault, loadKeytar, type KeytarApi } from '../../../main/profiles/secret-vault';
import { requireKeyringTools, requireSecretService, secretToolLookup, uniqueSecret, uniqueService } from './keychain-env';

const repoRoot = join(import.meta.dirname, '../../..');
const childScript = join(import.meta.dirname, 'fixtures/vault-child.ts');

async function rejectionOf(promise: Promise<unknown>): Promise<{ message: string; appError?: { kind: string; message: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as { message: string; appError?: { kind: string; message: string } };
  }
  throw new Error('expected a rejection, but the call succeeded');
}

function failingKeytar(message: string): KeytarApi {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

describe('createKeytarVault without a keychain', () => {
  it('turns a keytar module that cannot load into a keychain error, and tries again on the next call', async () => {
    let attempts = 0;
    const vault = createKeytarVault('Roomdesk-unit', async () => {
      attempts += 1;
      throw new Error('keytar.node: cannot open shared object file');
    });
    const first = await rejectionOf(vault.get('a'));
    expect(first.appError?.kind).toBe('keychain');
    expect(first.appError?.message).toContain('could not be loaded');
    await rejectionOf(vault.get('a'));
    expect(attempts).toBe(2);
  });

  it('maps a refused write and keeps the secret out of the error', async () => {
    const secret = uniqueSecret('unit');
    const vault = createKeytarVault('Roomdesk-unit', failingKeytar(`Cannot create an item in a locked collection ${secret}`), {
      platform: 'linux',
    });
    const failure = await rejectionOf(vault.set('a', secret));
    expect(failure.appError?.kind).toBe('keychain');
    expect(failure.appError?.message).toContain(keychainAdvice.lockedKeyring);
    expect(failure.message).not.toContain(secret);
    expect(JSON.stringify(failure.appError)).not.toContain(secret);
  });

  it('refuses an empty secret before asking the keychain', async () => {
    const calls: string[] = [];
    const recording: KeytarApi = {
      getPassword: async () => null,
      setPassword: async () => void calls.push('set'),
      deletePassword: async () => false,
    };
    const failure = await rejectionOf(createKeytarVault('Roomdesk-unit', recording).set('a', ''));
    expect(failure.appError?.kind).toBe('validation');
    expect(calls).toEqual([]);
  });

  it('loads the real keytar module lazily', async () => {
    const api = await loadKeytar();
    expect(typeof api.getPassword).toBe('function');
    expect(typeof api.setPassword).toBe('function');
    expect(typeof api.deletePassword).toBe('function');
  });
});

describe('createKeytarVault with the real Secret Service', () => {
  const service = uniqueService();
  const vault = createKeytarVault(service);
  const accounts = new Set<string>();
  const account = (name: string) => {
    accounts.add(name);
    return name;
  };

  // Checked before each test so that every keychain test fails (not skips) without a Secret Service.
  beforeEach(() => requireSecretService());
  afterAll(async () => {
    for (const name of accounts) await vault.delete(name).catch(() => false);
  });

  it('stores a secret that the Secret Service itself returns', async () => {
    const secret = uniqueSecret('round-trip');
    await vault.set(account('round-trip'), secret);
    expect(await vault.get('round-trip')).toBe(secret);
    expect(secretToolLookup(service, 'round-trip')).toBe(secret);
  });

  it('replaces a secret on a second set', async () => {
    const first = uniqueSecret('first');
    const second = uniqueSecret('second');
    await vault.set(account('update'), first);
    await vault.set('update', second);
    expect(await vault.get('update')).toBe(second);
    expect(secretToolLookup(service, 'update')).toBe(second);
  });

  it('keeps two accounts apart', async () => {
    const one = uniqueSecret('one');
    const two = uniqueSecret('two');
    await vault.set(account('one'), one);
    await vault.set(account('two'), two);
    expect(await vault.get('one')).toBe(one);
    expect(await vault.get('two')).toBe(two);
  });

  it('deletes the item and says whether there was one', async () => {
    await vault.set(account('gone'), uniqueSecret('gone'));
    expect(await vault.delete('gone')).toBe(true);
    expect(secretToolLookup(service, 'gone')).toBeNull();
    expect(await vault.get('gone')).toBeNull();
    expect(await vault.delete('gone')).toBe(false);
  });

  it('answers null for an account it never stored', async () => {
    expect(await vault.get('never-stored')).toBeNull();
  });
});

describe('createKeytarVault when the keychain is unavailable (child process)', () => {
  const secret = uniqueSecret('child');

  function runChild(env: NodeJS.ProcessEnv, wrapper: string[] = []) {
    const command = [...wrapper, process.execPath, '--import', 'tsx', childScript];
    const result = spawnSync(command[0]!, command.slice(1), {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...env, ROOMDESK_CHILD_SECRET: secret, ROOMDESK_CHILD_SERVICE: uniqueService() },
    });
    if (result.error) throw result.error;
    const line = result.stdout
      .trim()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .at(-1);
    if (!line) throw new Error(`the child printed no result (exit ${result.status}): ${result.stderr}`);
    return {
      outcome: JSON.parse(line) as { stored: boolean; name?: string; message?: string; appError?: { kind: string; message: string } },
      result,
    };
  }

  function envWithout(...names: string[]): NodeJS.ProcessEnv {
    const env = { ...process.env };
    for (const name of names) delete env[name];
    return env;
  }

  it('reports an unreachable session bus clearly and without the secret', () => {
    const { outcome, result } = runChild({ ...envWithout('DISPLAY'), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
    expect(outcome.stored).toBe(false);
    expect(outcome.appError?.kind).toBe('keychain');
    expect(outcome.appError?.message).toContain(keychainAdvice.noSessionBus);
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('reports a missing session bus clearly and without the secret', () => {
    const { outcome, result } = runChild(envWithout('DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'));
    expect(outcome.appError?.kind).toBe('keychain');
    expect(outcome.appError?.message).toContain(keychainAdvice.noSessionBus);
    expect(outcome.appError?.message).toContain('Cannot autolaunch D-Bus');
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('reports a keyring without a login collection clearly (fresh gnome-keyring, never unlocked)', () => {
    requireKeyringTools();
    const scratch = mkdtempSync(join(tmpdir(), 'roomdesk-no-login-'));
    try {
      for (const dir of ['data', 'config', 'cache', 'runtime']) mkdirSync(join(scratch, dir), { mode: 0o700 });
      const env = {
        ...envWithout('DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'),
        XDG_DATA_HOME: join(scratch, 'data'),
        XDG_CONFIG_HOME: join(scratch, 'config'),
        XDG_CACHE_HOME: join(scratch, 'cache'),
        XDG_RUNTIME_DIR: join(scratch, 'runtime'),
      };
      const { outcome, result } = runChild(env, ['dbus-run-session', '--']);
      expect(outcome.appError?.kind).toBe('keychain');
      expect(outcome.appError?.message).toContain(keychainAdvice.noLoginKeyring);
      expect(result.stdout + result.stderr).not.toContain(secret);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
