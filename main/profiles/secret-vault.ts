import { keychainErrorFromKeytar, keychainModuleMissing, type KeychainOperation } from './keychain-errors';
import { AppFailure, appFailure } from '../app-failure';

/** Where App Secrets live: the OS keychain, one item per profile id. Nothing else ever holds them. */
export interface SecretVault {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when an item was removed, false when there was none. */
  delete(account: string): Promise<boolean>;
}

/** The part of keytar the vault uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type KeytarLoader = () => Promise<KeytarApi>;

function isKeytarApi(value: unknown): value is KeytarApi {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['getPassword', 'setPassword', 'deletePassword'].every((name) => typeof candidate[name] === 'function');
}

/** keytar is a native module: loading it late keeps a broken install from crashing startup. */
export const loadKeytar: KeytarLoader = async () => {
  const loaded: unknown = await import('keytar');
  const candidate = (loaded as { default?: unknown }).default ?? loaded;
  if (!isKeytarApi(candidate)) throw new Error('keytar does not export getPassword/setPassword/deletePassword');
  return candidate;
};

export interface KeytarVaultOptions {
  platform?: NodeJS.Platform;
}

export function createKeytarVault(
  service = 'Roomdesk',
  keytarModule?: KeytarApi | KeytarLoader,
  options: KeytarVaultOptions = {},
): SecretVault {
  const load: KeytarLoader = typeof keytarModule === 'function' ? keytarModule : async () => keytarModule ?? loadKeytar();
  let loaded: KeytarApi | undefined;

  async function keytar(): Promise<KeytarApi> {
    if (loaded) return loaded;
    try {
      loaded = await load();
      return loaded;
    } catch (error) {
      // Not cached: a later call may succeed once the user has fixed the install.
      throw new AppFailure(keychainModuleMissing(error));
    }
  }

  async function run<T>(operation: KeychainOperation, call: (api: KeytarApi) => Promise<T>, secret?: string): Promise<T> {
    const api = await keytar();
    try {
      return await call(api);
    } catch (error) {
      const mapped = keychainErrorFromKeytar(error, {
        operation,
        ...(secret === undefined ? {} : { secret }),
        ...(options.platform === undefined ? {} : { platform: options.platform }),
      });
      throw new AppFailure(mapped);
    }
  }

  function requireAccount(account: string): void {
    if (!account) throw appFailure('internal', 'A keychain item needs an account name.');
  }

  return {
    async get(account) {
      requireAccount(account);
      return run('read', (api) => api.getPassword(service, account));
    },
    async set(account, secret) {
      requireAccount(account);
      if (!secret) throw appFailure('validation', 'The App Secret is empty.');
      await run('save', (api) => api.setPassword(service, account, secret), secret);
    },
    async delete(account) {
      requireAccount(account);
      return run('delete', (api) => api.deletePassword(service, account));
    },
  };
}
