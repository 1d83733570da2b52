import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from './sandbox-client';

const example = JSON.parse(readFileSync(new URL('../../fixtures/realsee-room-detail.example.json', import.meta.url), 'utf8')) as {
  data: Record<string, unknown>;
};

/** Every object key path in `value`; arrays contribute the paths of their first element. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [] : keyPaths(value[0], `${prefix}[]`);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...keyPaths(child, path)];
  });
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

async function roomWithTwoPeople() {
  const started = await startTestGateway({ roomLinks: 'page' });
  const { client } = started;
  const token = await client.token();
  const created = await client.createRoom(token, { additive: JSON.stringify({ nickname: 'Agent Ann' }) });
  const { room_code: roomCode, room_link: roomLink } = created.data;
  await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor', 'Ann'));
  await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'client-7', 'audience', 'Bo'));
  return { ...started, token, roomCode, roomLink, detail: await client.detail(token, roomCode) };
}

describe('sandbox room details', () => {
  it("has exactly the key set of Realsee's example, recursively", async () => {
    const { detail } = await roomWithTwoPeople();
    expect(detail.code).toBe(0);
    expect(keyPaths(detail.data).sort()).toEqual(keyPaths(example.data).sort());
  });

  it("uses the example's value types for every key the example gives a non-null value", async () => {
    const { detail } = await roomWithTwoPeople();
    const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
    const walk = (expected: unknown, actual: unknown, path: string): void => {
      if (expected === null) return;
      expect(`${path}: ${typeOf(actual)}`).toBe(`${path}: ${typeOf(expected)}`);
      if (Array.isArray(expected) && Array.isArray(actual) && actual.length > 0) walk(expected[0], actual[0], `${path}[]`);
      if (typeOf(expected) === 'object') {
        for (const [key, child] of Object.entries(expected as object)) {
          walk(child, (actual as Record<string, unknown>)[key], `${path}.${key}`);
        }
      }
    };
    walk(example.data, detail.data, 'data');
  });

  it('describes the room, its creator, its app and who joined', async () => {
    const { detail, roomCode, roomLink, gateway } = await roomWithTwoPeople();
    const data = detail.data;
    expect(data).toMatchObject({
      room_code: roomCode,
      room_link: roomLink,
      status: 1,
      create_custom_user_id: 'agent-1',
      extension: { nickname: 'Agent Ann', source: 'sandbox' },
      voice_id: gateway.rooms.get(roomCode)?.voiceId,
      close_time: '',
    });
    expect(data.create_time).toMatch(TIME);
    expect(data.modify_time).toMatch(TIME);
    // The clock reads 08:30 UTC: Realsee's texts are Beijing time (UTC+8) with no zone in them.
    expect(data.create_time).toBe('2026-03-14 16:30:00');
    expect(data.app.role['1'].name).toBe('anchor');
    expect(data.app.role['2'].name).toBe('audience');
    expect(data.app.extension.vr_allow_hosts).toEqual([new URL(gateway.baseUrl).host]);
    expect(data.app.extension.ticket_validate_time).toBe(300);
    expect(data.user_list).toEqual([
      expect.objectContaining({
        custom_user_id: 'agent-1',
        user_role: 'anchor',
        status: 0,
        extension: expect.objectContaining({ nickname: 'Ann' }),
      }),
      expect.objectContaining({
        custom_user_id: 'client-7',
        user_role: 'audience',
        status: 0,
        extension: expect.objectContaining({ nickname: 'Bo' }),
      }),
    ]);
    expect(data.user_list[0].create_time).toMatch(TIME);
  });

  it('uses the configured role names', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page', roles: { host: 'agent', guest: 'buyer' } });
    const token = await client.token();
    const roomCode = (await client.createRoom(token, { create_user_role: 'agent' })).data.room_code as string;
    const detail = await client.detail(token, roomCode);
    expect([detail.data.app.role['1'].name, detail.data.app.role['2'].name]).toEqual(['agent', 'buyer']);
  });

  it('refuses an unknown room and a missing room_code', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const unknown = await client.detail(token, 'NoSuchRoom000000');
    expect(unknown).toMatchObject({ code: -3, data: null });
    expect(unknown.status).toMatch(/room not found/);
    const missing = await client.get('/open/v1/live/room/detail', { app_id: client.appKey }, token);
    expect(missing).toMatchObject({ code: -3, status: 'param error: room_code is required' });
  });
});
