import { describe, expect, it } from 'vitest';
import { endpoints, startTestGateway } from './sandbox-client';

describe('sandbox POST /auth/access_token', () => {
  it('issues a token whose expire_at is Unix seconds of the clock plus the TTL', async () => {
    const { client, clock } = await startTestGateway({ tokenTtlSeconds: 120 });
    const envelope = await client.tokenRequest({ app_key: client.appKey, app_secret: client.gateway.demoApp.appSecret });
    expect(envelope.code).toBe(0);
    expect(envelope.status).toBe('success');
    expect(typeof envelope.data.access_token).toBe('string');
    expect(envelope.data.access_token.length).toBeGreaterThan(20);
    expect(envelope.data.expire_at).toBe(Math.floor(clock.now() / 1000) + 120);
  });

  it('answers every call with a full envelope and fresh request ids', async () => {
    const { client } = await startTestGateway();
    const first = await client.tokenRequest({ app_key: client.appKey, app_secret: client.gateway.demoApp.appSecret });
    const second = await client.tokenRequest({ app_key: client.appKey, app_secret: client.gateway.demoApp.appSecret });
    for (const envelope of [first, second]) {
      expect(Object.keys(envelope).sort()).toEqual(
        ['business_code', 'code', 'cost', 'data', 'osi_request_id', 'request_id', 'status', 'trace_id'].sort(),
      );
    }
    expect(first.request_id).not.toBe(second.request_id);
    expect(first.data.access_token).not.toBe(second.data.access_token);
  });

  it('refuses a wrong secret, an unknown key and missing fields with code -1 and no data', async () => {
    const { client } = await startTestGateway();
    const wrongSecret = await client.tokenRequest({ app_key: client.appKey, app_secret: 'nope' });
    expect(wrongSecret).toMatchObject({ code: -1, data: null });
    expect(wrongSecret.status).toMatch(/authentication failed/);
    expect(await client.tokenRequest({ app_key: 'Unknown000000000', app_secret: 'x' })).toMatchObject({ code: -1, data: null });
    expect(await client.tokenRequest({ app_key: client.appKey })).toMatchObject({ code: -1, data: null });
  });

  it('accepts only form bodies', async () => {
    const { client } = await startTestGateway();
    const answer = await client.raw(endpoints.accessToken, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app_key: client.appKey, app_secret: client.gateway.demoApp.appSecret }),
    });
    expect(answer.json()).toMatchObject({ code: -3, data: null });
    expect(answer.json().status).toMatch(/x-www-form-urlencoded/);
  });

  it('knows only the configured apps', async () => {
    const app = { appKey: 'OtherApp00000001', appSecret: 'other-secret' };
    const { client } = await startTestGateway({ apps: [app] });
    expect(client.gateway.demoApp).toEqual(app);
    expect(await client.tokenRequest({ app_key: app.appKey, app_secret: app.appSecret })).toMatchObject({ code: 0 });
    const demo = await client.tokenRequest({ app_key: 'RoomdeskDemo2026', app_secret: 'roomdesk-sandbox-demo-secret' });
    expect(demo.code).toBe(-1);
  });

  it('lets a token expire exactly at expire_at on the manual clock', async () => {
    const { client, clock } = await startTestGateway({ tokenTtlSeconds: 300 });
    const token = await client.token();
    clock.advance(299_000);
    expect((await client.createRoom(token)).code).toBe(0);
    clock.advance(1_000);
    const expired = await client.createRoom(token);
    expect(expired).toMatchObject({ code: -3, data: null });
    expect(expired.status).toMatch(/expired/);
  });
});
