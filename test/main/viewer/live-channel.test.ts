import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { withTicket } from '../../../main/rooms/room-link';
import { createLiveChannels, wsSocketFactory, type LivePresence } from '../../../main/viewer/index';
import { startTestGateway, type SandboxClient } from '../sandbox/sandbox-client';

const FAST_RETRY = { baseMs: 20, maxMs: 100, jitter: 0.5, maxAttempts: 5 };

/** A sandbox whose rooms have ws room links, a room in it, and the app's live channels pointed at it. */
async function liveRoom() {
  const { gateway, client } = await startTestGateway({ roomLinks: 'live-channel' });
  const token = await client.token();
  const room = await client.newRoom(token);
  const ticketsIssued: string[] = [];
  const events: LivePresence[] = [];
  const channels = createLiveChannels({
    hostTicketLink: async (roomCode, force) => {
      const ticket = await client.ticket(token, roomCode, 'agent-1', 'anchor', 'Agent Li');
      ticketsIssued.push(ticket);
      return { url: withTicket(room.roomLink, ticket, force), roomLink: room.roomLink };
    },
    socketFactory: wsSocketFactory,
    emit: (presence) => events.push(presence),
    policy: FAST_RETRY,
  });
  const latest = () => events.at(-1);
  const waitFor = async (predicate: (presence: LivePresence) => boolean) => {
    await expect.poll(() => latest() && predicate(latest()!), { timeout: 5_000 }).toBe(true);
    return latest()!;
  };
  return { gateway, client, token, room, channels, events, ticketsIssued, latest, waitFor };
}

/** A guest joining through the live channel with their own ticket, as another client would. */
async function guestSocket(client: SandboxClient, token: string, room: { roomCode: string; roomLink: string }, userId: string) {
  const ticket = await client.ticket(token, room.roomCode, userId, 'audience', `Guest ${userId}`);
  const socket = new WebSocket(withTicket(room.roomLink, ticket, false));
  const messages: Array<{ command: string; code: string; data: any }> = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, messages };
}

describe('the live room channel against the sandbox WebSocket', () => {
  it('gives rooms a ws room link with the app id when the sandbox is asked to', async () => {
    const { room, gateway } = await liveRoom();
    const link = new URL(room.roomLink);
    expect(link.protocol).toBe('ws:');
    expect(link.host).toBe(new URL(gateway.baseUrl).host);
    expect(link.pathname).toBe(`/open/${room.roomCode}`);
    expect(link.searchParams.get('open_app_id')).toMatch(/^\d+$/);
  });

  it('connects with a ticket and reads room info, itself, the user list and voice info', async () => {
    const { channels, room, waitFor, ticketsIssued, gateway } = await liveRoom();
    expect(channels.connect(room.roomCode).connection).toBe('connecting');
    const connected = await waitFor((p) => p.connection === 'connected' && p.voice !== null && p.users.length === 1);
    expect(connected.self).toEqual({ userId: 'agent-1', nickname: 'Agent Li', role: 'anchor' });
    expect(connected.users).toEqual([{ userId: 'agent-1', nickname: 'Agent Li', role: 'anchor' }]);
    expect(connected.voice).toEqual({ voiceId: gateway.rooms.get(room.roomCode)!.voiceId, type: 'trtc' });
    expect(ticketsIssued).toHaveLength(1);
    expect(gateway.rooms.get(room.roomCode)!.status).toBe(1);
    expect(gateway.liveChannel.connectionCount(room.roomCode)).toBe(1);
  });

  it('pushes guests joining and leaving as presence changes', async () => {
    const { channels, room, client, token, waitFor } = await liveRoom();
    channels.connect(room.roomCode);
    await waitFor((p) => p.connection === 'connected' && p.users.length === 1);

    const guest = await guestSocket(client, token, room, 'client-zhang');
    const joined = await waitFor((p) => p.users.length === 2);
    expect(joined.changes).toEqual([{ kind: 'joined', user: { userId: 'client-zhang', nickname: 'Guest client-zhang', role: 'audience' } }]);

    guest.socket.close();
    const left = await waitFor((p) => p.users.length === 1);
    expect(left.changes).toEqual([{ kind: 'left', user: { userId: 'client-zhang', nickname: 'Guest client-zhang', role: 'audience' } }]);
  });

  it('after a drop, reconnects with backoff and a new ticket, never the used one', async () => {
    const { channels, room, waitFor, gateway, ticketsIssued, events } = await liveRoom();
    channels.connect(room.roomCode);
    await waitFor((p) => p.connection === 'connected');

    expect(gateway.liveChannel.dropAll()).toBe(1);
    await waitFor((p) => p.connection === 'connected' && ticketsIssued.length === 2);
    const reconnecting = events.find((p) => p.connection === 'reconnecting' && p.reconnect !== null);
    expect(reconnecting?.reconnect?.attempt).toBe(1);
    expect(new Set(ticketsIssued).size).toBe(2);
    expect(gateway.liveChannel.connectionCount(room.roomCode)).toBe(1);
  });

  it('a refused ticket is replaced by one fresh ticket; a second refusal is final', async () => {
    const { gateway, client, token, room } = await liveRoom();
    const used = await client.ticket(token, room.roomCode, 'agent-1', 'anchor');
    await client.openRoomPage(`${gateway.baseUrl}/room/${room.roomCode}`, used);
    const events: LivePresence[] = [];
    let calls = 0;
    const channels = createLiveChannels({
      // Always the same, already used ticket: the client must not loop on it.
      hostTicketLink: async () => {
        calls += 1;
        return { url: withTicket(room.roomLink, used, false), roomLink: room.roomLink };
      },
      socketFactory: wsSocketFactory,
      emit: (presence) => events.push(presence),
      policy: FAST_RETRY,
    });
    channels.connect(room.roomCode);
    await expect.poll(() => events.at(-1)?.connection, { timeout: 5_000 }).toBe('refused');
    expect(events.at(-1)?.reason).toBe('ticket-used');
    expect(calls).toBe(2);
  });

  it('"End room" closes the room for everyone; the details then say closed', async () => {
    const { channels, room, client, token, waitFor } = await liveRoom();
    channels.connect(room.roomCode);
    await waitFor((p) => p.connection === 'connected');
    const guest = await guestSocket(client, token, room, 'client-wang');
    await waitFor((p) => p.users.length === 2);

    await channels.endRoom(room.roomCode);
    expect(channels.presence(room.roomCode)?.connection).toBe('room-closed');
    await expect.poll(() => guest.messages.some((m) => m.command === 'BUILTIN_MSG' && m.data?.action === 'close')).toBe(true);
    const detail = await client.detail(token, room.roomCode);
    expect(detail.data.status).toBe(2);
    expect(detail.data.close_time).not.toBe('');
  });

  it('a guest cannot end the room', async () => {
    const { room, client, token, gateway } = await liveRoom();
    const guest = await guestSocket(client, token, room, 'client-wang');
    guest.socket.send(JSON.stringify({ command: 'BUILTIN_MSG', front_request_id: 'x', data: { event_type: 'room_change', action: 'close' } }));
    await expect.poll(() => guest.messages.some((m) => m.command === 'ERROR' && m.code === 'FORBIDDEN')).toBe(true);
    expect(gateway.rooms.get(room.roomCode)!.status).not.toBe(2);
  });

  it('a room closed elsewhere ends the channel as room-closed without reconnecting', async () => {
    const { channels, room, waitFor, gateway, ticketsIssued } = await liveRoom();
    channels.connect(room.roomCode);
    await waitFor((p) => p.connection === 'connected');
    gateway.rooms.close(room.roomCode);
    await waitFor((p) => p.connection === 'room-closed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ticketsIssued).toHaveLength(1);
  });

  it('relays custom events between participants', async () => {
    const { room, client, token } = await liveRoom();
    const a = await guestSocket(client, token, room, 'guest-a');
    const b = await guestSocket(client, token, room, 'guest-b');
    a.socket.send(JSON.stringify({ command: 'CUSTOM_EVENT', front_request_id: '1', data: { hello: 'world' } }));
    await expect.poll(() => b.messages.find((m) => m.command === 'CUSTOM_EVENT')?.data).toEqual({ hello: 'world' });
    expect(a.messages.some((m) => m.command === 'CUSTOM_EVENT')).toBe(false);
  });

  it('does not keep fetching tickets for a room whose link is a page', async () => {
    const { gateway, client } = await startTestGateway();
    const token = await client.token();
    const room = await client.newRoom(token);
    const events: LivePresence[] = [];
    let tickets = 0;
    const channels = createLiveChannels({
      hostTicketLink: async (roomCode, force) => {
        tickets += 1;
        return { url: withTicket(room.roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor'), force), roomLink: room.roomLink };
      },
      socketFactory: wsSocketFactory,
      emit: (presence) => events.push(presence),
      policy: FAST_RETRY,
    });
    channels.connect(room.roomCode);
    await expect.poll(() => events.at(-1)?.connection).toBe('failed');
    expect(events.at(-1)?.reason).toBe('This room has no live channel link.');
    expect(tickets).toBe(1);
    expect(gateway.liveChannel.connectionCount()).toBe(0);
  });
});
