import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf, testClient } from './support/client-setup';
import { envelope, failure, startLoopbackGateway, type LoopbackGateway } from './support/loopback-gateway';

const LEGACY = '/open/v1/entity/vr';
const CURRENT = '/open/v3/vr/info';
const CODE = '801234567890123456';

/** A signed legacy Work as Realsee's docs describe it (values shortened). */
const signedWork = {
  vr_code: CODE,
  vr_type: 80,
  name: 'Flat 3B',
  _signature: 'c2lnbmF0dXJl',
  certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  allow_hosts: ['agent.example.com', 42],
  expire_at: '1900000000000',
  create_time: '2024-03-01 10:00:00',
  base_url: 'https://vr-public.realsee-cdn.cn/release/web/',
  initial: { pano_index: 0, longitude: 1.2, latitude: 0, fov: 90, mode: 'Panorama' },
  model: { file_url: 'model/at3d_512.at3d', material_base_url: 'https://textures.example/m/' },
  observers: [{ index: 0 }, { index: 1 }],
  panorama: {
    count: 2,
    list: [
      {
        index: 0,
        up: 'cube_2048/0/u.jpg',
        down: 'cube_2048/0/d.jpg',
        left: 'cube_2048/0/l.jpg',
        right: 'cube_2048/0/r.jpg',
        front: 'cube_2048/0/f.jpg',
        back: 'cube_2048/0/b.jpg',
      },
      { index: 1, up: 'https://other-cdn.example/1/u.jpg', down: 'x', left: 'x', right: 'x', front: 'x', back: 'x' },
    ],
  },
  some_future_field: { nested: [1, 2, 3] },
};

let gateway: LoopbackGateway;

beforeEach(async () => {
  gateway = await startLoopbackGateway();
  gateway.route(LEGACY, () => ({ json: envelope(signedWork) }));
  gateway.route(CURRENT, () => ({ json: envelope({ ...signedWork, vr_code: undefined, resource_code: CODE }) }));
});

afterEach(async () => {
  await gateway.close();
});

describe('gateway client: a VR work', () => {
  it('asks the legacy endpoint by vr_code and passes the Work on untouched', async () => {
    const { client } = testClient(gateway.baseUrl);
    const work = await client.getVrWork(CODE, 'legacy');
    const [request] = gateway.requestsTo(LEGACY);
    expect(request?.method).toBe('GET');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ vr_code: CODE });
    expect(JSON.stringify(work.work)).toBe(JSON.stringify(signedWork));
    expect(work).toMatchObject({
      vrCode: CODE,
      name: 'Flat 3B',
      coverUrl: null,
      panoramaCount: 2,
      baseUrl: signedWork.base_url,
      allowHosts: ['agent.example.com'],
      signed: true,
      source: 'legacy',
    });
    expect(work.resourceOrigins.sort()).toEqual([
      'https://other-cdn.example',
      'https://textures.example',
      'https://vr-public.realsee-cdn.cn',
    ]);
  });

  it('asks the current endpoint by resource_code', async () => {
    const { client } = testClient(gateway.baseUrl);
    const work = await client.getVrWork(CODE, 'current');
    expect(Object.fromEntries(gateway.requestsTo(CURRENT)[0]?.query ?? [])).toEqual({ resource_code: CODE });
    expect(work).toMatchObject({ vrCode: CODE, source: 'current', signed: true });
    expect(work.work.resource_code).toBe(CODE);
  });

  it('follows the profile endpoint table', async () => {
    gateway.route('/custom/work', () => ({ json: envelope(signedWork) }));
    const { client } = testClient(gateway.baseUrl, { endpoints: { vrWork: '/custom/work', vrInfo: '/custom/info' } });
    await client.getVrWork(CODE, 'legacy');
    expect(gateway.requestsTo('/custom/work')).toHaveLength(1);
    expect((await failureOf(client.getVrWork(CODE, 'current'))).httpStatus).toBe(404);
    expect(gateway.requestsTo('/custom/info')).toHaveLength(1);
  });

  it('reads loose shapes: a panorama array, a title, a missing count, an unknown code field', async () => {
    gateway.route(LEGACY, () => ({
      json: envelope({
        work_code: 'W1',
        title: 'Loft',
        cover: 'https://c.example/c.png',
        panorama: [{ up: 'a' }, { up: 'b' }, { up: 'c' }],
      }),
    }));
    const { client } = testClient(gateway.baseUrl);
    expect(await client.getVrWork(CODE, 'legacy')).toMatchObject({
      vrCode: 'W1',
      name: 'Loft',
      coverUrl: 'https://c.example/c.png',
      panoramaCount: 3,
      baseUrl: null,
      allowHosts: [],
      signed: false,
    });
  });

  it('refuses an answer that is not a Work, with the request id', async () => {
    const { client } = testClient(gateway.baseUrl);
    for (const data of [null, [], 'work', { name: 'no panoramas', panorama: { count: 0, list: [] } }]) {
      gateway.route(LEGACY, () => ({ json: envelope(data, { request_id: 'req-bad-work' }) }));
      const error = await failureOf(client.getVrWork(CODE, 'legacy'));
      expect(error.kind).toBe('protocol');
      expect(error.requestId).toBe('req-bad-work');
    }
  });

  it('reports a refusal as a gateway error', async () => {
    gateway.route(LEGACY, () => ({ json: failure(-3, 'vr not found', 'req-nf') }));
    const { client } = testClient(gateway.baseUrl);
    expect(await failureOf(client.getVrWork(CODE, 'legacy'))).toMatchObject({ kind: 'gateway', code: -3, requestId: 'req-nf' });
  });

  it('stops reading an answer larger than the cap', async () => {
    const huge = { ...signedWork, padding: 'x'.repeat(9 * 1024 * 1024) };
    gateway.route(LEGACY, () => ({ json: envelope(huge) }));
    const { client } = testClient(gateway.baseUrl);
    const error = await failureOf(client.getVrWork(CODE, 'legacy'));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/larger than 8 MiB/);
  });

  it('stops reading a streamed answer without a length once it passes the cap', async () => {
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
        },
      });
    const fetchStub = (async (url: URL) =>
      url.pathname === '/auth/access_token'
        ? new Response(JSON.stringify(envelope({ access_token: 'tok', expire_at: 4_000_000_000 })))
        : new Response(endless())) as unknown as typeof fetch;
    const { client } = testClient('https://gateway.example', {}, { fetch: fetchStub });
    expect((await failureOf(client.getVrWork(CODE, 'legacy'))).kind).toBe('protocol');
    expect(pulled).toBeLessThan(12);
  });

  it('refuses a bad code before sending anything', async () => {
    const { client } = testClient(gateway.baseUrl);
    for (const code of ['', '../etc', 'a'.repeat(65), '80 12']) {
      expect((await failureOf(client.getVrWork(code, 'legacy'))).kind).toBe('validation');
    }
    expect(gateway.requests).toHaveLength(0);
  });
});
