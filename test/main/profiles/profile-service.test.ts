import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../common/errors';
import { defaultRoles, type ProfileDraft } from '../../../common/profile';
import { AppFailure } from '../../../main/app-failure';
import { GatewayError } from '../../../main/realsee/errors';
import type { GatewayProfile } from '../../../main/realsee/profile';
import { keychainAdvice } from '../../../main/profiles/keychain-errors';
import { createProfileService, type SandboxCredentials } from '../../../main/profiles/profile-service';
import { createKeytarVault, type KeytarApi, type SecretVault } from '../../../main/profiles/secret-vault';
import { requireSecretService, secretToolLookup, uniqueSecret, uniqueService } from './keychain-env';
import { tempConf } from './store-fixture';

const sandboxCredentials: SandboxCredentials = {
  baseUrl: 'http://127.0.0.1:4567',
  appKey: 'sandboxappkey0001',
  appSecret: 'sandbox-secret-do-not-show',
};

function draft(overrides: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    name: 'Shanghai office',
    region: 'china',
    appKey: 'appkey0000000001',
    roles: { host: 'anchor', guest: 'audience' },
    userId: 'agent-7',
    nickname: 'Lin',
    ...overrides,
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    const appError = (error as { appError?: AppError }).appError;
    if (!appError) throw error;
    return appError;
  }
  throw new Error('expected a rejection, but the call succeeded');
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(options: { vault: SecretVault; sandbox?: SandboxCredentials | null; tester?: (p: GatewayProfile) => Promise<void> }) {
  const fixture = tempConf();
  cleanups.push(fixture.cleanup);
  const tested: GatewayProfile[] = [];
  let sandbox = options.sandbox === undefined ? sandboxCredentials : options.sandbox;
  let ids = 0;
  const service = createProfileService({
    store: fixture.conf,
    vault: options.vault,
    testConnection: async (profile) => {
      tested.push(profile);
      await options.tester?.(profile);
    },
    sandbox: () => sandbox,
    newId: () => `profile-${++ids}-${Math.random().toString(16).slice(2, 10)}`,
    now: () => 1_700_000_000_000,
  });
  const fileText = () => readFileSync(fixture.conf.path, 'utf8');
  return { service, conf: fixture.conf, tested, fileText, setSandbox: (next: SandboxCredentials | null) => (sandbox = next) };
}

describe('profile service with the real Secret Service', () => {
  const serviceName = uniqueService();
  const vault = createKeytarVault(serviceName);
  const savedIds = new Set<string>();

  // Checked before each test so that every keychain test fails (not skips) without a Secret Service.
  beforeEach(() => requireSecretService());
  afterAll(async () => {
    for (const id of savedIds) await vault.delete(id).catch(() => false);
  });

  function realSetup(sandbox?: SandboxCredentials | null, tester?: (p: GatewayProfile) => Promise<void>) {
    const made = setup({ vault, ...(sandbox === undefined ? {} : { sandbox }), ...(tester ? { tester } : {}) });
    const save = async (input: Parameters<typeof made.service.save>[0]) => {
      const summary = await made.service.save(input);
      savedIds.add(summary.id);
      return summary;
    };
    return { ...made, save };
  }

  it('saves a new profile: secret in the keychain, the rest in the store, and it becomes active', async () => {
    const { service, save, fileText } = realSetup();
    const secret = uniqueSecret('new');
    const summary = await save(draft({ appSecret: secret }));

    expect(summary).toMatchObject({
      name: 'Shanghai office',
      region: 'china',
      baseUrl: 'https://app-gateway.realsee.cn',
      hasSecret: true,
      isSandbox: false,
      active: true,
    });
    expect(secretToolLookup(serviceName, summary.id)).toBe(secret);
    expect(fileText()).toContain('appkey0000000001');
    expect(fileText()).not.toContain(secret);
    expect(JSON.stringify(summary)).not.toContain(secret);
    expect((await service.resolveGatewayProfile(summary.id)).appSecret).toBe(secret);
    expect((await service.getActive()).id).toBe(summary.id);
  });

  it('replaces the secret when an edit carries one', async () => {
    const { service, save, fileText } = realSetup();
    const first = uniqueSecret('first');
    const second = uniqueSecret('second');
    const saved = await save(draft({ appSecret: first }));
    await save(draft({ id: saved.id, appSecret: second }));
    expect(secretToolLookup(serviceName, saved.id)).toBe(second);
    expect((await service.resolveGatewayProfile(saved.id)).appSecret).toBe(second);
    expect(fileText()).not.toContain(first);
    expect(fileText()).not.toContain(second);
  });

  it('keeps the stored secret when an edit leaves it out', async () => {
    const { service, save } = realSetup();
    const secret = uniqueSecret('kept');
    const saved = await save(draft({ appSecret: secret }));
    const edited = await save(draft({ id: saved.id, name: 'Renamed office', nickname: 'Lin W.' }));
    expect(edited).toMatchObject({ id: saved.id, name: 'Renamed office', baseUrl: 'https://app-gateway.realsee.cn', hasSecret: true });
    expect(secretToolLookup(serviceName, saved.id)).toBe(secret);
    expect((await service.list()).filter((p) => !p.isSandbox)).toHaveLength(1);
  });

  it("keeps two profiles' secrets apart", async () => {
    const { service, save } = realSetup();
    const one = await save(draft({ name: 'One', appSecret: uniqueSecret('one') }));
    const two = await save(draft({ name: 'Two', appSecret: uniqueSecret('two') }));
    const oneSecret = (await service.resolveGatewayProfile(one.id)).appSecret;
    const twoSecret = (await service.resolveGatewayProfile(two.id)).appSecret;
    expect(oneSecret).not.toBe(twoSecret);
    expect(secretToolLookup(serviceName, one.id)).toBe(oneSecret);
    expect(secretToolLookup(serviceName, two.id)).toBe(twoSecret);
  });

  it('deletes the keychain item with the profile and falls back to the sandbox', async () => {
    const { service, save, fileText } = realSetup();
    const saved = await save(draft({ appSecret: uniqueSecret('doomed') }));
    expect((await service.getActive()).id).toBe(saved.id);
    await service.delete(saved.id);
    expect(secretToolLookup(serviceName, saved.id)).toBeNull();
    expect(fileText()).not.toContain(saved.id);
    expect((await service.getActive()).id).toBe('sandbox');
    expect((await rejectionOf(service.delete(saved.id))).kind).toBe('not-found');
  });

  it('refuses a new profile without a secret and saves nothing', async () => {
    const { service } = realSetup();
    const failure = await rejectionOf(service.save(draft()));
    expect(failure.kind).toBe('validation');
    expect((await service.list()).map((p) => p.id)).toEqual(['sandbox']);
  });

  it('uses the custom base URL and default roles', async () => {
    const { save } = realSetup();
    const { roles: _roles, ...withoutRoles } = draft({
      region: 'custom',
      customBaseUrl: 'http://127.0.0.1:8080',
      appSecret: uniqueSecret('custom'),
    });
    const saved = await save(withoutRoles);
    expect(saved.baseUrl).toBe('http://127.0.0.1:8080');
    expect(saved.roles).toEqual(defaultRoles);
  });

  it('lists profiles without secrets and with the sandbox first', async () => {
    const { service, save } = realSetup();
    const secret = uniqueSecret('listed');
    await save(draft({ appSecret: secret }));
    const listed = await service.list();
    expect(listed[0]).toMatchObject({ id: 'sandbox', region: 'sandbox', hasSecret: true, isSandbox: true, active: false });
    expect(listed[1]).toMatchObject({ hasSecret: true, active: true });
    const text = JSON.stringify(await service.overview());
    expect(text).not.toContain(secret);
    expect(text).not.toContain(sandboxCredentials.appSecret);
  });

  it('reports hasSecret false when the keychain item has disappeared', async () => {
    const { service, save } = realSetup();
    const saved = await save(draft({ appSecret: uniqueSecret('vanished') }));
    await vault.delete(saved.id);
    const overview = await service.overview();
    expect(overview.profiles.find((p) => p.id === saved.id)?.hasSecret).toBe(false);
    expect(overview.keychainProblem).toBeNull();
    expect((await rejectionOf(service.resolveGatewayProfile(saved.id))).message).toContain('enter the App Secret again');
  });

  it('tests a saved profile with its stored secret, and a draft with its own secret before saving', async () => {
    const { service, save, tested } = realSetup();
    const storedSecret = uniqueSecret('stored');
    const saved = await save(draft({ appSecret: storedSecret }));

    expect(await service.testConnection({ id: saved.id })).toEqual({ ok: true, checkedAt: 1_700_000_000_000 });
    expect(tested.at(-1)).toMatchObject({ baseUrl: 'https://app-gateway.realsee.cn', appSecret: storedSecret, roles: defaultRoles });

    const draftSecret = uniqueSecret('draft');
    await service.testConnection({ draft: draft({ region: 'legacy', appSecret: draftSecret }) });
    expect(tested.at(-1)).toMatchObject({ baseUrl: 'https://app-gateway.realsee.com', appSecret: draftSecret });
    expect((await service.list()).filter((p) => !p.isSandbox)).toHaveLength(1);

    await service.testConnection({ draft: draft({ id: saved.id, nickname: 'Lin W.' }) });
    expect(tested.at(-1)).toMatchObject({ baseUrl: 'https://app-gateway.realsee.cn', appSecret: storedSecret });
    const testedBefore = tested.length;
    expect((await rejectionOf(service.testConnection({ draft: draft({ id: saved.id, region: 'global' }) }))).kind).toBe('validation');
    expect(tested).toHaveLength(testedBefore);
  });

  it("passes the tester's AppError through, scrubbed of the secret", async () => {
    const secret = uniqueSecret('refused');
    const { service } = realSetup(undefined, async (profile) => {
      throw new GatewayError({ kind: 'auth', message: `App key refused for ${profile.appSecret}`, code: -1, requestId: 'req-1' });
    });
    const failure = await rejectionOf(service.testConnection({ draft: draft({ appSecret: secret }) }));
    expect(failure).toMatchObject({ kind: 'auth', code: -1, requestId: 'req-1' });
    expect(failure.message).not.toContain(secret);
  });
});

describe('profile service: the sandbox profile', () => {
  const emptyVault: SecretVault = { get: async () => null, set: async () => undefined, delete: async () => false };

  it('is active by default, needs no keychain, and resolves to the sandbox credentials', async () => {
    const { service } = setup({ vault: emptyVault });
    expect(await service.getActive()).toMatchObject({ id: 'sandbox', isSandbox: true, hasSecret: true, active: true });
    expect(await service.resolveGatewayProfile()).toEqual({ ...sandboxCredentials, roles: defaultRoles });
    expect(await service.testConnection({})).toEqual({ ok: true, checkedAt: 1_700_000_000_000 });
  });

  it('cannot be deleted or edited', async () => {
    const { service } = setup({ vault: emptyVault });
    expect((await rejectionOf(service.delete('sandbox'))).kind).toBe('forbidden');
    expect((await rejectionOf(service.save(draft({ id: 'sandbox', appSecret: 'x1234' })))).kind).toBe('forbidden');
  });

  it('disappears from the list while the sandbox is not running', async () => {
    const { service, setSandbox } = setup({ vault: emptyVault });
    setSandbox(null);
    expect(await service.list()).toEqual([]);
    expect((await rejectionOf(service.getActive())).kind).toBe('not-found');
    expect((await rejectionOf(service.setActive('sandbox'))).kind).toBe('not-found');
    expect((await rejectionOf(service.resolveGatewayProfile())).kind).toBe('not-found');
  });

  it('becomes active again with setActive, and unknown ids are refused', async () => {
    const stored = new Map<string, string>();
    const vault: SecretVault = {
      get: async (a) => stored.get(a) ?? null,
      set: async (a, s) => void stored.set(a, s),
      delete: async (a) => stored.delete(a),
    };
    const { service } = setup({ vault });
    const saved = await service.save(draft({ appSecret: 'secret-1234' }));
    expect((await service.getActive()).id).toBe(saved.id);
    expect(await service.setActive('sandbox')).toMatchObject({ id: 'sandbox', active: true });
    expect((await service.list()).find((p) => p.id === saved.id)?.active).toBe(false);
    expect((await rejectionOf(service.setActive('no-such-profile'))).kind).toBe('not-found');
    const edited = await service.save(draft({ id: saved.id, name: 'Edited' }));
    expect(edited.active).toBe(false);
  });
});

describe('profile service when the keychain fails', () => {
  function keytarFailingWith(message: string, allow: Partial<KeytarApi> = {}): KeytarApi {
    const fail = () => Promise.reject(new Error(message));
    return { getPassword: fail, setPassword: fail, deletePassword: fail, ...allow };
  }

  it('saves nothing when the secret cannot be stored, and says why', async () => {
    const vault = createKeytarVault('Roomdesk-unit', keytarFailingWith('Cannot create an item in a locked collection'), {
      platform: 'linux',
    });
    const { service, conf } = setup({ vault });
    const secret = uniqueSecret('locked');
    const failure = await rejectionOf(service.save(draft({ appSecret: secret })));
    expect(failure.kind).toBe('keychain');
    expect(failure.message).toContain(keychainAdvice.lockedKeyring);
    expect(failure.message).not.toContain(secret);
    expect(conf.get('profiles')).toBeUndefined();
    expect(conf.get('activeProfileId')).toBeUndefined();
  });

  it('still lists profiles, with hasSecret false and the keychain problem beside them', async () => {
    const stored = new Map<string, string>();
    let broken = false;
    const vault: SecretVault = {
      get: async (a) => {
        if (broken) throw new AppFailure({ kind: 'keychain', message: keychainAdvice.noSecretService });
        return stored.get(a) ?? null;
      },
      set: async (a, s) => void stored.set(a, s),
      delete: async (a) => stored.delete(a),
    };
    const { service } = setup({ vault });
    await service.save(draft({ appSecret: 'secret-1234' }));
    broken = true;
    const overview = await service.overview();
    expect(overview.profiles.map((p) => [p.isSandbox, p.hasSecret])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(overview.keychainProblem).toMatchObject({ kind: 'keychain', message: keychainAdvice.noSecretService });
    expect(await service.list()).toHaveLength(2);
  });

  it('keeps the profile when its keychain item cannot be deleted', async () => {
    const stored = new Map<string, string>();
    let refuseDelete = false;
    const vault: SecretVault = {
      get: async (a) => stored.get(a) ?? null,
      set: async (a, s) => void stored.set(a, s),
      delete: async (a) => {
        if (refuseDelete) throw new AppFailure({ kind: 'keychain', message: 'locked' });
        return stored.delete(a);
      },
    };
    const { service } = setup({ vault });
    const saved = await service.save(draft({ appSecret: 'secret-1234' }));
    refuseDelete = true;
    expect((await rejectionOf(service.delete(saved.id))).kind).toBe('keychain');
    expect((await service.list()).map((p) => p.id)).toContain(saved.id);
  });
});

describe('profile service with damaged saved profiles', () => {
  it('reports an unreadable entry, lists the rest, and lets the user delete it', async () => {
    const stored = new Map<string, string>();
    const vault: SecretVault = {
      get: async (a) => stored.get(a) ?? null,
      set: async (a, s) => void stored.set(a, s),
      delete: async (a) => stored.delete(a),
    };
    const { service, conf } = setup({ vault });
    const saved = await service.save(draft({ appSecret: 'secret-1234' }));
    conf.set('profiles', [...(conf.get('profiles') as unknown[]), { id: 'damaged', name: 42 }]);

    const overview = await service.overview();
    expect(overview.profiles.map((p) => p.id)).toEqual(['sandbox', saved.id]);
    expect(overview.storageProblem?.kind).toBe('storage');
    expect(overview.storageProblem?.message).toContain('"damaged"');

    await service.delete('damaged');
    expect((await service.overview()).storageProblem).toBeNull();
  });

  it('still offers the sandbox when the file cannot be read, and refuses to write over it', async () => {
    const stored = new Map<string, string>();
    const vault: SecretVault = {
      get: async (a) => stored.get(a) ?? null,
      set: async (a, s) => void stored.set(a, s),
      delete: async (a) => stored.delete(a),
    };
    const { service, conf } = setup({ vault });
    await service.save(draft({ appSecret: 'secret-1234' }));
    writeFileSync(conf.path, '{"profiles": [ {"id": "cut-off');

    const overview = await service.overview();
    expect(overview.profiles).toEqual([expect.objectContaining({ id: 'sandbox', active: false })]);
    expect(overview.storageProblem?.kind).toBe('storage');
    expect(overview.storageProblem?.message).toContain(conf.path);
    expect((await rejectionOf(service.getActive())).kind).toBe('storage');
    expect((await rejectionOf(service.resolveGatewayProfile())).kind).toBe('storage');
    expect(await service.resolveGatewayProfile('sandbox')).toMatchObject({ appKey: sandboxCredentials.appKey });
    expect((await rejectionOf(service.save(draft({ appSecret: 'secret-5678' })))).kind).toBe('storage');
    expect(readFileSync(conf.path, 'utf8')).toBe('{"profiles": [ {"id": "cut-off');
  });
});

describe('profile service: refused drafts', () => {
  const emptyVault: SecretVault = { get: async () => null, set: async () => undefined, delete: async () => false };

  it('names what is wrong without echoing the secret', async () => {
    const { service } = setup({ vault: emptyVault });
    const longSecret = `too-long-${'x'.repeat(600)}`;
    const failure = await rejectionOf(service.save(draft({ name: '', appSecret: longSecret })));
    expect(failure.kind).toBe('validation');
    expect(failure.message).toContain('name');
    expect(failure.message).toContain('appSecret');
    expect(failure.message).not.toContain('too-long-');
  });

  it('needs a base URL for the custom region', async () => {
    const { service } = setup({ vault: emptyVault });
    const failure = await rejectionOf(service.save(draft({ region: 'custom', appSecret: 'secret-1234' })));
    expect(failure).toMatchObject({ kind: 'validation' });
    expect(failure.message).toContain('base URL');
  });

  it('refuses to edit a profile that does not exist', async () => {
    const { service } = setup({ vault: emptyVault });
    expect((await rejectionOf(service.save(draft({ id: 'no-such-profile' })))).kind).toBe('not-found');
  });
});
