import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../common/errors';
import type { ProfileDraft } from '../../../common/profile';
import { createGatewayClient } from '../../../main/realsee/client';
import { createProfileService } from '../../../main/profiles/profile-service';
import { createKeytarVault } from '../../../main/profiles/secret-vault';
import { startLoopbackGateway, type LoopbackGateway } from '../realsee/support/loopback-gateway';
import { requireSecretService, uniqueSecret, uniqueService } from './keychain-env';
import { tempConf } from './store-fixture';

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

function receivedSecret(gateway: LoopbackGateway, secret: string): boolean {
  return gateway.requests.some(
    (request) =>
      JSON.stringify(request.headers).includes(secret) || request.body.includes(secret) || request.query.toString().includes(secret),
  );
}

describe('a stored App Secret only goes to the gateway it was saved for', () => {
  const serviceName = uniqueService();
  const vault = createKeytarVault(serviceName);
  const savedIds = new Set<string>();
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(() => requireSecretService());
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  afterAll(async () => {
    for (const id of savedIds) await vault.delete(id).catch(() => false);
  });

  async function setup() {
    const fixture = tempConf();
    cleanups.push(fixture.cleanup);
    const own = await startLoopbackGateway();
    const other = await startLoopbackGateway();
    cleanups.push(
      () => own.close(),
      () => other.close(),
    );
    let ids = 0;
    const service = createProfileService({
      store: fixture.conf,
      vault,
      sandbox: () => null,
      // The app's own tester: a real token request to the profile's gateway.
      testConnection: async (profile) => {
        await createGatewayClient(profile).fetchAccessToken();
      },
      newId: () => `origin-${++ids}-${Math.random().toString(16).slice(2, 10)}`,
    });
    const secret = uniqueSecret('bound');
    const base: ProfileDraft = {
      name: 'Office',
      region: 'custom',
      customBaseUrl: own.baseUrl,
      appKey: 'appkey0000000001',
      roles: { host: 'anchor', guest: 'audience' },
      userId: 'agent-7',
      nickname: 'Lin',
    };
    const saved = await service.save({ ...base, appSecret: secret });
    savedIds.add(saved.id);
    return { service, own, other, secret, base, saved };
  }

  it('testing a draft that reuses the stored secret against another origin is refused and sends nothing there', async () => {
    const { service, own, other, secret, base, saved } = await setup();
    await service.testConnection({ draft: { ...base, id: saved.id } });
    expect(receivedSecret(own, secret)).toBe(true);

    const failure = await rejectionOf(service.testConnection({ draft: { ...base, id: saved.id, customBaseUrl: other.baseUrl } }));
    expect(failure.kind).toBe('validation');
    expect(failure.message).toContain('type the App Secret again');
    expect(other.requests).toHaveLength(0);
    expect(receivedSecret(other, secret)).toBe(false);
  });

  it('a region switch counts as another origin too', async () => {
    const { service, secret, base, saved } = await setup();
    const failure = await rejectionOf(service.testConnection({ draft: { ...base, id: saved.id, region: 'global' } }));
    expect(failure.kind).toBe('validation');
    expect(failure.message).not.toContain(secret);
  });

  it('saving a new origin without the secret is refused and keeps the old origin', async () => {
    const { service, own, other, secret, base, saved } = await setup();
    const failure = await rejectionOf(service.save({ ...base, id: saved.id, customBaseUrl: other.baseUrl }));
    expect(failure.kind).toBe('validation');
    expect(failure.message).toContain('type the App Secret again');
    expect((await service.resolveGatewayProfile(saved.id)).baseUrl).toBe(own.baseUrl);

    await service.testConnection({ id: saved.id });
    expect(receivedSecret(other, secret)).toBe(false);
  });

  it('a path prefix on the same origin and a new secret for a new origin are both fine', async () => {
    const { service, own, other, base, saved } = await setup();
    await service.save({ ...base, id: saved.id, customBaseUrl: `${own.baseUrl}/` });
    const newSecret = uniqueSecret('moved');
    await service.save({ ...base, id: saved.id, customBaseUrl: other.baseUrl, appSecret: newSecret });
    await service.testConnection({ id: saved.id });
    expect(receivedSecret(other, newSecret)).toBe(true);
  });
});
