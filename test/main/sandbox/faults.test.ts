import { describe, expect, it } from 'vitest';
import { SANDBOX_CODES } from '../../../main/sandbox/index';
import { endpoints, startTestGateway } from './sandbox-client';

describe('sandbox fault injection', () => {
  it('answers with an HTTP 5xx error envelope for the next N requests of one path, without processing them', async () => {
    const { client, gateway } = await startTestGateway();
    const token = await client.token();
    gateway.faults.inject({ path: endpoints.createRoom, times: 2, httpStatus: 503 });
    for (let i = 0; i < 2; i += 1) {
      const answer = await client.raw(endpoints.createRoom, {
        method: 'POST',
        headers: { authorization: token, 'content-type': 'application/json' },
        body: JSON.stringify({ app_id: client.appKey, create_user_id: 'a', create_user_role: 'anchor' }),
      });
      expect(answer.httpStatus).toBe(503);
      expect(answer.json()).toMatchObject({ code: SANDBOX_CODES.serverError, data: null });
    }
    expect(gateway.rooms.list()).toHaveLength(0);
    expect((await client.createRoom(token)).code).toBe(0);
    expect(gateway.faults.active()).toEqual([]);
  });

  it('limits a path rule to its path', async () => {
    const { client, gateway } = await startTestGateway();
    gateway.faults.inject({ path: endpoints.createRoom, httpStatus: 500 });
    const token = await client.token();
    expect((await client.get(endpoints.vrList, {}, token)).code).toBe(0);
    expect((await client.createRoom(token)).code).toBe(SANDBOX_CODES.serverError);
  });

  it('keeps a rule without times until it is cleared', async () => {
    const { client, gateway } = await startTestGateway();
    gateway.faults.inject({ httpStatus: 502 });
    for (let i = 0; i < 3; i += 1) {
      expect((await client.raw(endpoints.vrList)).httpStatus).toBe(502);
    }
    gateway.faults.clear();
    expect((await client.raw(endpoints.vrList)).httpStatus).toBe(200);
  });

  it('removes a single rule through its handle', async () => {
    const { client, gateway } = await startTestGateway();
    const handle = gateway.faults.inject({ httpStatus: 500 });
    expect(handle.remaining).toBe(Number.POSITIVE_INFINITY);
    handle.remove();
    expect((await client.raw(endpoints.vrList)).httpStatus).toBe(200);
  });

  it('answers with a non-JSON body', async () => {
    const { client, gateway } = await startTestGateway();
    gateway.faults.inject({ path: endpoints.accessToken, times: 1, nonJson: true, httpStatus: 502 });
    const answer = await client.raw(endpoints.accessToken, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'app_key=x&app_secret=y',
    });
    expect(answer.httpStatus).toBe(502);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('answers with wrong-shape JSON: bad data in a success envelope, or no envelope at all', async () => {
    const { client, gateway } = await startTestGateway();
    const token = await client.token();
    gateway.faults.inject({ path: endpoints.createRoom, times: 1, wrongShape: true });
    const badData = await client.createRoom(token);
    expect(badData.code).toBe(0);
    expect(badData.data.room_code).not.toEqual(expect.any(String));
    expect(gateway.rooms.list()).toHaveLength(0);

    gateway.faults.inject({ path: endpoints.createRoom, times: 1, wrongShape: 'envelope' });
    const notEnvelope = await client.createRoom(token);
    expect(notEnvelope).not.toHaveProperty('code');
    expect(notEnvelope).not.toHaveProperty('request_id');
  });

  it('answers rate-limited with HTTP 429 and a JSON envelope', async () => {
    const { client, gateway } = await startTestGateway();
    gateway.faults.inject({ times: 1, rateLimit: true });
    const answer = await client.raw(endpoints.vrList);
    expect(answer.httpStatus).toBe(429);
    expect(answer.json()).toMatchObject({ code: SANDBOX_CODES.rateLimited, data: null });
    expect(answer.json().status).toMatch(/rate limit/);
    expect(answer.headers.get('retry-after')).toBe('1');
  });

  it('expires every token issued so far; new tokens work', async () => {
    const { client, gateway } = await startTestGateway();
    const old = await client.token();
    gateway.faults.expireAllTokens();
    const answer = await client.createRoom(old);
    expect(answer.code).toBe(-3);
    expect(answer.status).toContain('expired');
    expect((await client.createRoom(await client.token())).code).toBe(0);
  });

  it('answers one request as if its token had expired (for refresh-and-retry flows)', async () => {
    const { client, gateway } = await startTestGateway();
    const token = await client.token();
    gateway.faults.inject({ path: endpoints.createRoom, times: 1, tokenExpired: true });
    const first = await client.createRoom(token);
    expect(first).toMatchObject({ code: -3, data: null });
    expect(first.status).toContain('expired');
    expect(gateway.rooms.list()).toHaveLength(0);
    expect((await client.createRoom(token)).code).toBe(0);
  });

  it('drops the connection after processing: the room exists but no answer arrives', async () => {
    const { client, gateway } = await startTestGateway();
    const token = await client.token();
    gateway.faults.inject({ path: endpoints.createRoom, times: 1, dropAfterProcessing: true });
    await expect(client.createRoom(token)).rejects.toThrow();
    expect(gateway.rooms.list()).toHaveLength(1);
    expect((await client.createRoom(token)).code).toBe(0);
    expect(gateway.rooms.list()).toHaveLength(2);
  });

  it('adds latency before answering', async () => {
    const { client, gateway } = await startTestGateway();
    gateway.faults.inject({ path: endpoints.vrList, times: 1, latencyMs: 300 });
    await expect(client.raw(endpoints.vrList, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const started = performance.now();
    gateway.faults.inject({ path: endpoints.vrList, times: 1, latencyMs: 120 });
    const answer = await client.raw(endpoints.vrList);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(answer.json().code).toBe(-3);
  });

  it('refuses rules that make no sense', async () => {
    const { gateway } = await startTestGateway();
    expect(() => gateway.faults.inject({ path: endpoints.vrList })).toThrow(/no effect/);
    expect(() => gateway.faults.inject({ times: 0, httpStatus: 500 })).toThrow(/times/);
    expect(() => gateway.faults.inject({ httpStatus: 42 })).toThrow(/httpStatus/);
    expect(() => gateway.faults.inject({ path: 'open/v1', httpStatus: 500 })).toThrow(/path/);
  });
});

describe('sandbox request stats', () => {
  it('records method, path (without query) and clock time, counts per path and resets', async () => {
    const { client, gateway, clock } = await startTestGateway();
    const token = await client.token();
    await client.get(endpoints.vrList, { page: '1' }, token);
    expect(gateway.stats.requests).toEqual([
      { method: 'POST', path: endpoints.accessToken, at: clock.now() },
      { method: 'GET', path: endpoints.vrList, at: clock.now() },
    ]);
    expect(gateway.stats.count(endpoints.vrList)).toBe(1);
    gateway.stats.reset();
    expect(gateway.stats.requests).toEqual([]);
    expect(gateway.stats.count(endpoints.vrList)).toBe(0);
  });
});
