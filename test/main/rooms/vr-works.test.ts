import { afterEach, describe, expect, it } from 'vitest';
import { defaultEndpoints } from '../../../common/profile';
import { createGatewayClient } from '../../../main/realsee/client';
import { GatewayError } from '../../../main/realsee/errors';
import type { GatewayProfile } from '../../../main/realsee/profile';
import { loadVrWork } from '../../../main/rooms/vr-works';
import { DEMO_HOMES } from '../../../main/sandbox/demo-vrs';
import { startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';

const started: SandboxGateway[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
});

async function sandboxClient(profile: Partial<GatewayProfile> = {}) {
  const sandbox = await startSandboxGateway();
  started.push(sandbox);
  const client = createGatewayClient(
    { baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: { host: 'anchor', guest: 'audience' }, ...profile },
    { sleep: async () => undefined },
  );
  return { sandbox, client };
}

const home = DEMO_HOMES[0]!;

describe('loading a VR work', () => {
  it('takes the current endpoint when it answers', async () => {
    const { sandbox, client } = await sandboxClient();
    const work = await loadVrWork(client, home.vr_code);
    expect(work).toMatchObject({
      vrCode: home.vr_code,
      name: home.name,
      source: 'current',
      panoramaCount: home.rooms.length,
      signed: false,
    });
    expect(work.coverUrl).toBe(`${sandbox.baseUrl}/vr-assets/${home.vr_code}/cover.png`);
    expect(work.resourceOrigins).toEqual([sandbox.baseUrl]);
    expect(sandbox.stats.count(defaultEndpoints.vrWork)).toBe(0);
  });

  it('falls back to the legacy endpoint when the current path does not exist on the gateway', async () => {
    const { sandbox, client } = await sandboxClient({ endpoints: { vrInfo: '/open/v3/not-here' } });
    const work = await loadVrWork(client, home.vr_code);
    expect(work.source).toBe('legacy');
    expect(work.work.vr_code).toBe(home.vr_code);
    expect(sandbox.stats.count('/open/v3/not-here')).toBe(1);
  });

  it('does not fall back on a server error: the legacy path would meet it too', async () => {
    const { sandbox, client } = await sandboxClient();
    sandbox.faults.inject({ path: defaultEndpoints.vrInfo, httpStatus: 503 });
    const failure = await loadVrWork(client, home.vr_code).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GatewayError);
    expect((failure as GatewayError).appError.httpStatus).toBe(503);
    expect(sandbox.stats.count(defaultEndpoints.vrWork)).toBe(0);
  });

  it('reports an unknown VR with the gateway refusal', async () => {
    const { client } = await sandboxClient();
    const failure = await loadVrWork(client, '809999999999999999').catch((e: unknown) => e);
    expect((failure as GatewayError).appError).toMatchObject({ kind: 'gateway', code: -3, status: expect.stringMatching(/vr not found/) });
  });
});
