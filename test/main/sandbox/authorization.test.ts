import { describe, expect, it } from 'vitest';
import { endpoints, startTestGateway } from './sandbox-client';

describe('sandbox Authorization rules on /open endpoints', () => {
  it('refuses a missing header with code -3 "miss authorization"', async () => {
    const { client } = await startTestGateway();
    expect(await client.createRoom(undefined)).toMatchObject({
      code: -3,
      status: 'miss authorization',
      data: null,
    });
    expect(await client.get(endpoints.vrList, {}, undefined)).toMatchObject({ code: -3, status: 'miss authorization' });
  });

  it('refuses "Bearer <token>" as an invalid token', async () => {
    const { client, gateway } = await startTestGateway();
    const token = await client.token();
    const answer = await client.createRoom(`Bearer ${token}`);
    expect(answer).toMatchObject({ code: -1, data: null });
    expect(answer.status).toMatch(/without "Bearer "/);
    expect(gateway.rooms.list()).toHaveLength(0);
  });

  it('refuses an unknown token with code -1', async () => {
    const { client } = await startTestGateway();
    const answer = await client.detail('made-up-token', 'AAAAAAAAAAAAAAAA');
    expect(answer).toMatchObject({ code: -1, data: null });
    expect(answer.status).toMatch(/invalid access token/);
  });

  it('refuses an expired token with code -3 and "expired"', async () => {
    const { client, clock } = await startTestGateway({ tokenTtlSeconds: 60 });
    const token = await client.token();
    clock.advance(61_000);
    const answer = await client.get(endpoints.vrList, {}, token);
    expect(answer.code).toBe(-3);
    expect(answer.status).toContain('expired');
  });

  it("refuses an app_id that is not the token's App Key", async () => {
    const other = { appKey: 'SecondApp0000002', appSecret: 'second-secret' };
    const { client, gateway } = await startTestGateway({
      apps: [{ appKey: 'FirstApp00000001', appSecret: 'first-secret' }, other],
    });
    const token = await client.token();
    const answer = await client.createRoom(token, { app_id: other.appKey });
    expect(answer).toMatchObject({ code: -3, data: null });
    expect(answer.status).toMatch(/app_id does not match/);
    expect(gateway.rooms.list()).toHaveLength(0);
  });

  it('hides the rooms of one app from another app', async () => {
    const first = { appKey: 'FirstApp00000001', appSecret: 'first-secret' };
    const second = { appKey: 'SecondApp0000002', appSecret: 'second-secret' };
    const { client } = await startTestGateway({ apps: [first, second] });
    const { roomCode } = await client.newRoom(await client.token(first));
    const secondToken = await client.token(second);
    const answer = await client.detail(secondToken, roomCode, second.appKey);
    expect(answer).toMatchObject({ code: -3, data: null });
    expect(answer.status).toMatch(/room not found/);
  });
});
