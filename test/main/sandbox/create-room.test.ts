import { describe, expect, it } from 'vitest';
import { ROOM_STATUS } from '../../../main/sandbox/index';
import { startTestGateway } from './sandbox-client';

describe('sandbox create room', () => {
  it('returns a 16-alphanumeric room code and an http room link served by the sandbox', async () => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const envelope = await client.createRoom(await client.token());
    expect(envelope.code).toBe(0);
    expect(envelope.data.room_code).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(envelope.data.room_link).toBe(`${gateway.baseUrl}/room/${envelope.data.room_code}`);
    const room = gateway.rooms.get(envelope.data.room_code);
    expect(room).toMatchObject({ status: ROOM_STATUS.created, createUserId: 'agent-1', createUserRole: 'anchor' });
    expect(Number.isInteger(room?.voiceId)).toBe(true);
  });

  it('creates a new room on every call (not idempotent)', async () => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const first = await client.createRoom(token);
    const second = await client.createRoom(token);
    expect(first.data.room_code).not.toBe(second.data.room_code);
    expect(gateway.rooms.list()).toHaveLength(2);
  });

  it('parses members and additive from JSON-encoded strings', async () => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const members = [{ user_id: 'client-7', user_role: 'audience', extension: { nickname: 'Bo' } }];
    const envelope = await client.createRoom(await client.token(), {
      members: JSON.stringify(members),
      additive: JSON.stringify({ nickname: 'Agent Ann' }),
    });
    expect(envelope.code).toBe(0);
    const room = gateway.rooms.get(envelope.data.room_code);
    expect(room?.members).toEqual([{ userId: 'client-7', role: 'audience', extension: { nickname: 'Bo' } }]);
    expect(room?.additive).toEqual({ nickname: 'Agent Ann' });
  });

  it.each([
    [{ members: '[{"user_id":' }, /members is not valid JSON/],
    [{ members: [{ user_id: 'x', user_role: 'audience' }] }, /members must be a JSON-encoded string/],
    [{ members: '{"user_id":"x"}' }, /members must encode a JSON array/],
    [{ members: '[{"user_role":"audience"}]' }, /members\[0\]\.user_id/],
    [{ members: '[{"user_id":"x","user_role":"boss"}]' }, /members\[0\]\.user_role is not a configured role/],
    [{ members: '[{"user_id":"x","user_role":"audience","extension":"no"}]' }, /members\[0\]\.extension/],
    [{ additive: '{oops' }, /additive is not valid JSON/],
    [{ additive: { a: 1 } }, /additive must be a JSON-encoded string/],
    [{ additive: '[1,2]' }, /additive must encode a JSON object/],
    [{ create_user_id: '' }, /create_user_id is required/],
    [{ create_user_id: 42 }, /create_user_id must be a string/],
    [{ app_id: undefined }, /app_id is required/],
  ])('refuses %j with a param error naming the field', async (overrides, expected) => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const envelope = await client.createRoom(await client.token(), overrides);
    expect(envelope).toMatchObject({ code: -3, data: null });
    expect(envelope.status).toMatch(expected);
    expect(gateway.rooms.list()).toHaveLength(0);
  });

  it('accepts only configured role names for the creator', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page', roles: { host: 'agent', guest: 'buyer' } });
    const token = await client.token();
    const refused = await client.createRoom(token, { create_user_role: 'anchor' });
    expect(refused.code).toBe(-3);
    expect(refused.status).toMatch(/create_user_role "anchor" is not a configured role/);
    expect((await client.createRoom(token, { create_user_role: 'agent' })).code).toBe(0);
    expect((await client.createRoom(token, { create_user_role: 'buyer' })).code).toBe(0);
  });

  it('refuses a body that is not JSON or not sent as JSON', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const notJson = await client.raw('/open/v1/live/entrance', {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: '{"app_id":',
    });
    expect(notJson.json()).toMatchObject({ code: -3, status: 'param error: the body is not valid JSON' });
    const asForm = await client.raw('/open/v1/live/entrance', {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'app_id=x',
    });
    expect(asForm.json().status).toMatch(/application\/json/);
    const arrayBody = await client.raw('/open/v1/live/entrance', {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(arrayBody.json().status).toMatch(/must be a JSON object/);
  });
});
