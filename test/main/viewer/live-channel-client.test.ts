import { describe, expect, it } from 'vitest';
import { serverFrame } from '../../../common/live-protocol';
import { createLiveChannelClient, PermanentLiveChannelError, type LivePresence, type LiveSocketHandlers } from '../../../main/viewer/index';
import type { RoomCheck } from '../../../main/viewer/live-channel-client';

const ROOM = 'gxwdz6VOmaQJmELN';
const user = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  user_role: 'anchor',
  current_ws_online: true,
  status: 0,
  ...extra,
});
const frame = (command: string, data: unknown, extra: Record<string, string> = {}) =>
  JSON.stringify(serverFrame({ appId: '1953', command, data, requestId: '1_20260101000000_' + '0'.repeat(32), roomCode: ROOM, ...extra }));
const greeting = [
  frame('ROOM_INFO', { info: { room_code: ROOM, status: 1 }, last_frame: {} }),
  frame('SELF_USER_INFO', user('agent-1')),
  frame('USER_LIST', [user('agent-1')]),
];

/** A client whose sockets are fakes the test drives, with a scripted room check. */
function scripted(options: { checks?: Array<RoomCheck | Error>; refuseTicketsFrom?: number; now?: () => number } = {}) {
  const sockets: LiveSocketHandlers[] = [];
  const events: LivePresence[] = [];
  let tickets = 0;
  let checks = 0;
  const client = createLiveChannelClient({
    roomCode: ROOM,
    ticketLink: async () => {
      tickets += 1;
      if (options.refuseTicketsFrom !== undefined && tickets >= options.refuseTicketsFrom) throw new Error('room is closed');
      return `ws://127.0.0.1:1/open/${ROOM}?open_app_id=1&ticket=T${tickets}&force=1`;
    },
    checkRoom: async () => {
      const next = options.checks?.[checks] ?? 'open';
      checks += 1;
      if (next instanceof Error) throw next;
      return next;
    },
    socketFactory: (_url, handlers) => {
      sockets.push(handlers);
      return { send: () => undefined, close: () => undefined };
    },
    onPresence: (presence) => events.push(presence),
    policy: { baseMs: 5, maxMs: 10, jitter: 0, maxAttempts: 4 },
    ticketsPerMinute: 100,
    ...(options.now ? { now: options.now } : {}),
  });
  const socket = async (index: number) => {
    await expect.poll(() => sockets.length).toBeGreaterThan(index);
    return sockets[index]!;
  };
  const connectedSocket = async (index: number) => {
    const handlers = await socket(index);
    handlers.onOpen();
    for (const text of greeting) handlers.onMessage(text);
    return handlers;
  };
  return { client, events, socket, connectedSocket, tickets: () => tickets, checks: () => checks, last: () => events.at(-1)! };
}

describe('the live channel client on scripted frames', () => {
  it('stops as replaced on USER_KICK_OUT carrying its own replaced UserInfo', async () => {
    const run = scripted();
    run.client.connect();
    const socket = await run.connectedSocket(0);
    socket.onMessage(frame('USER_KICK_OUT', user('someone-else', { status: 1 })));
    expect(run.last().connection).toBe('connected');
    socket.onMessage(frame('USER_KICK_OUT', user('agent-1', { status: 2, mem_status: 'BE_REPLACE' })));
    expect(run.last().connection).toBe('replaced');
    socket.onClose(1000, 'replaced');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run.tickets()).toBe(1);
    expect(run.checks()).toBe(0);
  });

  it('stops as room-closed on a ROOM_INFO whose close_time is set', async () => {
    const run = scripted();
    run.client.connect();
    const socket = await run.socket(0);
    socket.onMessage(frame('ROOM_INFO', { info: { room_code: ROOM, status: 7, close_time: '2026-01-01 10:00:00' }, last_frame: {} }));
    expect(run.last().connection).toBe('room-closed');
  });

  it('a refusal frame then a close before ROOM_INFO, twice, ends as refused; the room is checked before each new ticket', async () => {
    const run = scripted();
    run.client.connect();
    for (const index of [0, 1]) {
      const socket = await run.socket(index);
      socket.onOpen();
      socket.onMessage(frame('ROOM_INFO', null, { code: 'TICKET_USED', message: ' 【TICKET_USED】 ' }));
      socket.onClose(1000, '');
    }
    await expect.poll(() => run.last().connection).toBe('refused');
    expect(run.last().reason).toBe('【TICKET_USED】');
    expect(run.tickets()).toBe(2);
    expect(run.checks()).toBe(2);
  });

  it('keeps asking about the room without spending tickets while the gateway is unreachable, and stops on a refusal', async () => {
    const run = scripted({ checks: [new Error('offline'), new Error('offline'), new PermanentLiveChannelError('room not found')] });
    run.client.connect();
    (await run.connectedSocket(0)).onClose(1006, 'connection error');
    await expect.poll(() => run.last().connection).toBe('failed');
    expect(run.last().reason).toBe('room not found');
    expect(run.checks()).toBe(3);
    expect(run.tickets()).toBe(1);
  });

  it('a ticket refused after a drop sends it back to the room details, which say closed', async () => {
    const run = scripted({ checks: ['open', 'closed'], refuseTicketsFrom: 2 });
    run.client.connect();
    (await run.connectedSocket(0)).onClose(1006, 'drop');
    await expect.poll(() => run.last().connection).toBe('room-closed');
    expect(run.tickets()).toBe(2);
    expect(run.checks()).toBe(2);
  });

  it('"End room" resolves when the server drops the socket without an echo and the details say closed', async () => {
    const run = scripted({ checks: ['closed'] });
    run.client.connect();
    const socket = await run.connectedSocket(0);
    const ended = run.client.endRoom();
    socket.onClose(1000, '');
    await expect(ended).resolves.toBeUndefined();
    expect(run.last().connection).toBe('room-closed');
    expect(run.tickets()).toBe(1);
  });

  it('starts the backoff afresh only after a connection stayed up long enough', async () => {
    let clock = 1_000_000;
    const run = scripted({ now: () => clock });
    run.client.connect();
    (await run.connectedSocket(0)).onClose(1006, 'drop');
    await expect.poll(() => run.events.some((p) => p.reconnect?.attempt === 1)).toBe(true);
    (await run.connectedSocket(1)).onClose(1006, 'drop');
    await expect.poll(() => run.events.some((p) => p.reconnect?.attempt === 2)).toBe(true);
    const stable = await run.connectedSocket(2);
    clock += 30_000;
    stable.onClose(1006, 'drop');
    await expect.poll(() => run.events.filter((p) => p.reconnect?.attempt === 1).length).toBe(2);
    await run.connectedSocket(3);
    run.client.disconnect();
  });
});
