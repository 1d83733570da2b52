import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, SANDBOX_CODES } from '../../../main/sandbox/index';
import { endpoints, startTestGateway } from './sandbox-client';

describe('sandbox HTTP edges', () => {
  it('answers an unknown path with 404 and an envelope', async () => {
    const { client } = await startTestGateway();
    const answer = await client.raw('/open/v1/nothing-here');
    expect(answer.httpStatus).toBe(404);
    expect(answer.json()).toMatchObject({ code: SANDBOX_CODES.notFound, data: null });
    expect(answer.json().request_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers a wrong method with 405, an Allow header and an envelope', async () => {
    const { client } = await startTestGateway();
    const answer = await client.raw(endpoints.createRoom, { method: 'GET' });
    expect(answer.httpStatus).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
    expect(answer.json()).toMatchObject({ code: SANDBOX_CODES.methodNotAllowed, data: null });
    expect((await client.raw(endpoints.roomDetail, { method: 'POST', body: '' })).httpStatus).toBe(405);
  });

  it('refuses a body over 64 KiB with 413 and keeps serving', async () => {
    const { client } = await startTestGateway();
    const token = await client.token();
    const answer = await client.raw(endpoints.createRoom, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ app_id: client.appKey, padding: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(answer.httpStatus).toBe(413);
    expect(answer.json()).toMatchObject({ code: SANDBOX_CODES.payloadTooLarge, data: null });
    expect((await client.createRoom(token)).code).toBe(0);
  });

  it('survives garbage: odd targets, binary bodies, deep JSON', async () => {
    const { client } = await startTestGateway();
    const token = await client.token();
    const binary = await client.raw(endpoints.createRoom, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]),
    });
    expect(binary.json().code).toBe(-3);
    const deep = await client.createRoom(token, { members: `${'['.repeat(5000)}${']'.repeat(5000)}` });
    expect(deep.code).toBe(-3);
    expect((await client.raw('//evil.example/../open/v1/live/entrance')).httpStatus).toBe(404);
    expect((await client.raw('/room/%00')).httpStatus).toBe(404);
    expect((await client.get(endpoints.vrList, {}, token)).code).toBe(0);
  });
});

function sendRaw(baseUrl: string, bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

describe('sandbox robustness against malformed HTTP', () => {
  it('drops or refuses malformed requests and keeps serving', async () => {
    const { client, gateway } = await startTestGateway();
    await sendRaw(gateway.baseUrl, Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x13]));
    await sendRaw(gateway.baseUrl, 'GET /open/v1/entity/vr/list HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n');
    const truncated = await sendRaw(
      gateway.baseUrl,
      'POST /open/v1/live/entrance HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"app_id"',
    );
    expect(truncated).not.toContain('"code":0');
    expect(gateway.rooms.list()).toHaveLength(0);
    expect((await client.get(endpoints.vrList, {}, await client.token())).code).toBe(0);
  });
});

describe('sandbox rate limits (Realsee: 256/min per app key, 500/min per IP)', () => {
  it('refuses the 257th authenticated call of an app key within a minute, then recovers', async () => {
    const { client, clock } = await startTestGateway();
    const token = await client.token(); // counts for the app key too
    const calls = Array.from({ length: 255 }, () => client.get(endpoints.vrList, {}, token));
    expect((await Promise.all(calls)).every((answer) => answer.code === 0)).toBe(true);
    const over = await client.raw(endpoints.vrList, { headers: { authorization: token } });
    expect(over.httpStatus).toBe(429);
    expect(over.json()).toMatchObject({ code: SANDBOX_CODES.rateLimited, data: null });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(60_000);
    expect((await client.get(endpoints.vrList, {}, token)).code).toBe(0);
  });

  it('refuses the 501st request from one IP within a minute, whatever the path', async () => {
    const { client, clock } = await startTestGateway();
    const batch = () => Promise.all(Array.from({ length: 100 }, () => client.raw('/nothing')));
    for (let i = 0; i < 5; i += 1) {
      expect((await batch()).every((answer) => answer.httpStatus === 404)).toBe(true);
    }
    const over = await client.raw('/nothing');
    expect(over.httpStatus).toBe(429);
    expect(over.json().status).toMatch(/IP address/);
    clock.advance(60_000);
    expect((await client.raw('/nothing')).httpStatus).toBe(404);
  });

  it('counts a sliding minute, not a calendar minute', async () => {
    const { client, clock } = await startTestGateway({ rateLimits: { perAppKeyPerMinute: 3 } });
    const token = await client.token(); // 1
    clock.advance(30_000);
    await client.get(endpoints.vrList, {}, token); // 2
    await client.get(endpoints.vrList, {}, token); // 3
    expect((await client.raw(endpoints.vrList, { headers: { authorization: token } })).httpStatus).toBe(429);
    clock.advance(30_000); // the token request left the window
    expect((await client.get(endpoints.vrList, {}, token)).code).toBe(0);
    expect((await client.raw(endpoints.vrList, { headers: { authorization: token } })).httpStatus).toBe(429);
  });
});
