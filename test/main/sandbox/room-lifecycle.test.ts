import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS, ROOM_STATUS } from '../../../main/sandbox/index';
import { roomErrorOf, sessionOf, startTestGateway } from './sandbox-client';

describe('sandbox room state machine and room page', () => {
  it('goes created → active on the first join → closed', async () => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    expect((await client.detail(token, roomCode)).data.status).toBe(ROOM_STATUS.created);
    expect((await client.detail(token, roomCode)).data.active_session_id).toBe(0);

    const page = await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor', 'Ann'));
    expect(page.httpStatus).toBe(200);
    const active = await client.detail(token, roomCode);
    expect(active.data.status).toBe(ROOM_STATUS.active);
    expect(active.data.active_session_id).toBeGreaterThan(0);

    gateway.rooms.close(roomCode);
    const closed = await client.detail(token, roomCode);
    expect(closed.data.status).toBe(ROOM_STATUS.closed);
    expect(closed.data.close_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('shows the joined user, the others in the room and the End room button only to the host', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const hostPage = await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor', 'Ann'));
    expect(hostPage.headers.get('content-type')).toMatch(/text\/html/);
    expect(hostPage.text).toContain(roomCode);
    expect(hostPage.text).toContain('You are in the room as Ann (anchor)');
    expect(hostPage.text).toContain('Nobody else is here yet.');
    expect(hostPage.text).toContain('data-room-end>End room</button>');

    const guestPage = await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'client-9', 'audience'));
    expect(guestPage.text).toContain('You are in the room as client-9 (audience)');
    expect(guestPage.text).toContain('<li>Ann (anchor)</li>');
    expect(guestPage.text).not.toContain('End room</button>');
  });

  it('escapes nicknames on the page', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const page = await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'u1', 'audience', '<img src=x>'));
    expect(page.text).toContain('&lt;img src=x&gt;');
    expect(page.text).not.toContain('<img src=x>');
  });

  it('keeps the room page self-contained (no external resources)', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const page = await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor'));
    expect(page.text).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('lets the host end the room from the page endpoint; guests may not', async () => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const host = sessionOf(await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor')));
    const guest = sessionOf(await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'c-1', 'audience')));
    const post = (session: string) =>
      client.raw(`/room/${roomCode}/close`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session }),
      });

    const byGuest = await post(guest);
    expect(byGuest.httpStatus).toBe(403);
    expect(byGuest.json()).toMatchObject({ code: -3, status: 'only the host may end the room' });
    expect(gateway.rooms.get(roomCode)?.status).toBe(ROOM_STATUS.active);

    const byStranger = await post('not-a-session');
    expect(byStranger.httpStatus).toBe(403);

    const byHost = await post(host);
    expect(byHost.json()).toMatchObject({ code: 0, data: { room_code: roomCode, status: ROOM_STATUS.closed } });
    expect(gateway.rooms.get(roomCode)?.status).toBe(ROOM_STATUS.closed);
  });

  it('reports presence to people in the room and marks a user who left', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const host = sessionOf(await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor', 'Ann')));
    const guest = sessionOf(await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'c-1', 'audience', 'Bo')));

    const presence = await client.raw(`/room/${roomCode}/presence?session=${host}`);
    expect(presence.json().data).toEqual({ room_code: roomCode, status: ROOM_STATUS.active, others: [{ name: 'Bo', role: 'audience' }] });
    expect((await client.raw(`/room/${roomCode}/presence?session=nope`)).httpStatus).toBe(403);

    await client.raw(`/room/${roomCode}/leave`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session: guest }),
    });
    expect((await client.raw(`/room/${roomCode}/presence?session=${host}`)).json().data.others).toEqual([]);
    const bo = (await client.detail(token, roomCode)).data.user_list.find((user: any) => user.custom_user_id === 'c-1');
    // Realsee's UserStatus: leaving keeps 0 (normal); presence is not in the details.
    expect(bo.status).toBe(0);
  });

  it("with force=1 ends the same user's other page sessions; force=0 keeps them", async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const join = async (force: 0 | 1) =>
      sessionOf(await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'c-1', 'audience'), force));
    const presenceStatus = async (session: string) => (await client.raw(`/room/${roomCode}/presence?session=${session}`)).httpStatus;
    const first = await join(0);
    const second = await join(0);
    expect([await presenceStatus(first), await presenceStatus(second)]).toEqual([200, 200]);
    const third = await join(1);
    expect([await presenceStatus(first), await presenceStatus(second), await presenceStatus(third)]).toEqual([403, 403, 200]);
  });

  it('serves a page script that parses', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const page = await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor'));
    const script = /<script>([\s\S]*)<\/script>/.exec(page.text)?.[1];
    expect(script).toContain('/presence');
    expect(() => new Function(script!)).not.toThrow();
  });

  it('closes a room by itself once max_using_time has passed', async () => {
    const { client, clock, gateway } = await startTestGateway({ roomLinks: 'page', tokenTtlSeconds: 3 * 60 * 60 });
    const token = await client.token();
    const { roomCode } = await client.newRoom(token);
    clock.advance(ROOM_LIMITS.maxUsingTimeSeconds * 1000 - 1);
    expect(gateway.rooms.get(roomCode)?.status).toBe(ROOM_STATUS.created);
    clock.advance(1);
    expect((await client.detail(token, roomCode)).data.status).toBe(ROOM_STATUS.closed);
  });

  it('refuses more than max_user_count people at once', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    for (let i = 0; i < ROOM_LIMITS.maxUserCount; i += 1) {
      const page = await client.openRoomPage(roomLink, await client.ticket(token, roomCode, `u${i}`, 'audience'));
      expect(page.httpStatus).toBe(200);
    }
    const full = await client.openRoomPage(roomLink, await client.ticket(token, roomCode, 'late', 'audience'));
    expect(full.httpStatus).toBe(403);
    expect(roomErrorOf(full)).toBe('room-full');
  });

  it('throws when a test closes a room that does not exist', async () => {
    const { gateway } = await startTestGateway({ roomLinks: 'page' });
    expect(() => gateway.rooms.close('NoSuchRoom000000')).toThrow(/No sandbox room/);
  });
});
