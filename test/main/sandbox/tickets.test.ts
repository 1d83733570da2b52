import { describe, expect, it } from 'vitest';
import { roomErrorOf, startTestGateway } from './sandbox-client';

describe('sandbox room tickets', () => {
  it('returns a ticket and the room link', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const envelope = await client.applyTicket(token, { user_id: 'c-1', user_role: 'audience', room_code: roomCode });
    expect(envelope.code).toBe(0);
    expect(envelope.data.room_link).toBe(roomLink);
    expect(typeof envelope.data.ticket).toBe('string');
  });

  it('works once: a reused ticket gets a 403 page saying it was already used', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const ticket = await client.ticket(token, roomCode, 'c-1', 'audience');
    expect((await client.openRoomPage(roomLink, ticket)).httpStatus).toBe(200);
    const reused = await client.openRoomPage(roomLink, ticket);
    expect(reused.httpStatus).toBe(403);
    expect(roomErrorOf(reused)).toBe('ticket-used');
    expect(reused.text).toContain('This ticket was already used');
  });

  it('expires after ticketTtlSeconds and is then not consumed', async () => {
    const { client, clock, gateway } = await startTestGateway({ roomLinks: 'page', ticketTtlSeconds: 30 });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const ticket = await client.ticket(token, roomCode, 'c-1', 'audience');
    clock.advance(30_000);
    const expired = await client.openRoomPage(roomLink, ticket);
    expect(expired.httpStatus).toBe(403);
    expect(roomErrorOf(expired)).toBe('ticket-expired');
    expect(gateway.rooms.get(roomCode)?.participants).toEqual([]);
  });

  it('reads as invalid once it has been expired for more than an hour (the sandbox forgets it)', async () => {
    const { client, clock } = await startTestGateway({ roomLinks: 'page', ticketTtlSeconds: 30, tokenTtlSeconds: 3 * 60 * 60 });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const old = await client.ticket(token, roomCode, 'c-1', 'audience');
    clock.advance(30_000 + 60 * 60 * 1000 + 1);
    await client.ticket(token, roomCode, 'c-2', 'audience');
    const page = await client.openRoomPage(roomLink, old);
    expect([page.httpStatus, roomErrorOf(page)]).toEqual([403, 'ticket-invalid']);
  });

  it('is valid just before its expiry', async () => {
    const { client, clock } = await startTestGateway({ roomLinks: 'page', ticketTtlSeconds: 30 });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const ticket = await client.ticket(token, roomCode, 'c-1', 'audience');
    clock.advance(29_999);
    expect((await client.openRoomPage(roomLink, ticket)).httpStatus).toBe(200);
  });

  it('is bound to its room: another room refuses it without using it up', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const first = await client.newRoom(token);
    const second = await client.newRoom(token);
    const ticket = await client.ticket(token, first.roomCode, 'c-1', 'audience');
    const foreign = await client.openRoomPage(second.roomLink, ticket);
    expect(foreign.httpStatus).toBe(403);
    expect(roomErrorOf(foreign)).toBe('ticket-foreign');
    expect((await client.openRoomPage(first.roomLink, ticket)).httpStatus).toBe(200);
  });

  it('is bound to its user: the holder joins as the user it was issued for', async () => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const ticket = await client.ticket(token, roomCode, 'c-42', 'audience', 'Cleo');
    const page = await client.openRoomPage(`${roomLink}?user_id=someone-else`, ticket);
    expect(page.text).toContain('You are in the room as Cleo (audience)');
    expect(gateway.rooms.get(roomCode)?.participants.map((p) => p.userId)).toEqual(['c-42']);
  });

  it('shows clear 403 pages for a missing or made-up ticket and 404 for an unknown room', async () => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomLink } = await client.newRoom(token);
    const missing = await client.openRoomPage(roomLink, undefined);
    expect([missing.httpStatus, roomErrorOf(missing)]).toEqual([403, 'ticket-missing']);
    const madeUp = await client.openRoomPage(roomLink, 'made-up');
    expect([madeUp.httpStatus, roomErrorOf(madeUp)]).toEqual([403, 'ticket-invalid']);
    const unknownRoom = await client.openRoomPage(`${gateway.baseUrl}/room/NoSuchRoom000000`, 'x');
    expect([unknownRoom.httpStatus, roomErrorOf(unknownRoom)]).toEqual([404, 'room-not-found']);
  });

  it('is refused for a closed room, and a ticket issued before closing no longer opens it', async () => {
    const { client, gateway } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode, roomLink } = await client.newRoom(token);
    const early = await client.ticket(token, roomCode, 'c-1', 'audience');
    gateway.rooms.close(roomCode);
    const refused = await client.applyTicket(token, { user_id: 'c-1', user_role: 'audience', room_code: roomCode });
    expect(refused).toMatchObject({ code: -3, data: null });
    expect(refused.status).toMatch(/room is closed/);
    const page = await client.openRoomPage(roomLink, early);
    expect([page.httpStatus, roomErrorOf(page)]).toEqual([403, 'room-closed']);
  });

  it('validates role, room, user and extension', async () => {
    const { client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const { roomCode } = await client.newRoom(token);
    const base = { user_id: 'c-1', user_role: 'audience', room_code: roomCode };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ user_role: 'boss' }, /user_role "boss" is not a configured role/],
      [{ room_code: 'NoSuchRoom000000' }, /room not found/],
      [{ user_id: '' }, /user_id is required/],
      [{ extension: '{bad' }, /extension is not valid JSON/],
      [{ extension: { nickname: 'x' } }, /extension must be a JSON-encoded string/],
    ];
    for (const [overrides, expected] of cases) {
      const envelope = await client.applyTicket(token, { ...base, ...overrides });
      expect(envelope.code).toBe(-3);
      expect(envelope.status).toMatch(expected);
    }
  });
});
