import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  changeMicroStatusMessage,
  keyframeMessage,
  kickMessage,
  LIVE_SUCCESS_MESSAGE,
  parseServerFrame,
  wireServerEnvelopeSchema,
  type ClientMessage,
  type LiveFrame,
} from '../../../common/live-protocol';
import { withTicket } from '../../../main/rooms/room-link';
import { createLiveChannels, wsSocketFactory, type LivePresence, type LiveSocketFactory } from '../../../main/viewer/index';
import type { LiveChannelsOptions } from '../../../main/viewer/live-channels';
import { endpoints, startTestGateway, type SandboxClient } from '../sandbox/sandbox-client';

const FAST_RETRY = { baseMs: 20, maxMs: 100, jitter: 0.5, maxAttempts: 5 };
const REQUEST_ID = /^\d+_\d{14}_[0-9a-f]{32}$/;
const FIVE_STATE = {
  mode: 'Panorama',
  panoIndex: 0,
  longitude: 3.5264,
  latitude: -0.0168,
  fov: 105,
  offset: { x: -0.877, y: -0.071, z: -0.679 },
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Room = { roomCode: string; roomLink: string };

/** A sandbox (default ws room links), a room in it, and the app's live channels pointed at it as `agent-1`. */
async function liveRoom(overrides: Partial<LiveChannelsOptions> & { link?: (room: Room) => string } = {}) {
  const { gateway, client } = await startTestGateway();
  const token = await client.token();
  const room = await client.newRoom(token);
  const events: LivePresence[] = [];
  const logged: string[] = [];
  const ticketUrls: string[] = [];
  const channels = createLiveChannels({
    hostTicketLink: async (roomCode, force) => {
      const ticket = await client.ticket(token, roomCode, 'agent-1', 'anchor', 'Agent Li');
      const url = withTicket(overrides.link?.(room) ?? room.roomLink, ticket, force);
      ticketUrls.push(url);
      return { url, roomLink: room.roomLink };
    },
    roomDetails: async (roomCode) => {
      const detail = await client.detail(token, roomCode);
      if (detail.code !== 0) throw new Error(detail.status);
      return { closeTime: detail.data.close_time || null };
    },
    socketFactory: wsSocketFactory,
    emit: (presence) => events.push(presence),
    log: (message) => logged.push(message),
    policy: FAST_RETRY,
    ...overrides,
  });
  const latest = () => events.at(-1);
  const waitFor = async (predicate: (presence: LivePresence) => boolean, timeout = 5_000) => {
    await expect.poll(() => latest() !== undefined && predicate(latest()!), { timeout }).toBe(true);
    return latest()!;
  };
  const ticketsSpent = () => gateway.stats.count(endpoints.roomTicket);
  return { gateway, client, token, room, channels, events, logged, ticketUrls, latest, waitFor, ticketsSpent };
}

/** Another participant on a raw WebSocket, checking every frame the sandbox sends against the wire schema. */
async function participant(client: SandboxClient, token: string, room: Room, userId: string, role = 'audience', force = true) {
  const ticket = await client.ticket(token, room.roomCode, userId, role, `Guest ${userId}`);
  const socket = new WebSocket(withTicket(room.roomLink, ticket, force));
  const frames: LiveFrame[] = [];
  const violations: string[] = [];
  let closed: { code: number; reason: string } | null = null;
  socket.on('message', (data) => {
    const text = data.toString();
    const raw = JSON.parse(text);
    const parsed = parseServerFrame(text, { roomCode: room.roomCode });
    if (!parsed.ok) return violations.push(parsed.problem);
    if (!wireServerEnvelopeSchema.safeParse(raw).success) violations.push(`incomplete envelope: ${text}`);
    if (!REQUEST_ID.test(raw.request_id)) violations.push(`request_id ${raw.request_id}`);
    if (!/^\d+$/.test(raw.app_id)) violations.push(`app_id ${raw.app_id}`);
    if (raw.code === 'SUCCESS' && raw.message !== LIVE_SUCCESS_MESSAGE) violations.push(`message ${raw.message}`);
    frames.push(parsed.frame);
  });
  socket.on('close', (code, reason) => {
    closed = { code, reason: reason.toString() };
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const of = (type: string) => frames.filter((frame) => frame.event.type === type);
  return {
    userId,
    socket,
    frames,
    violations,
    closed: () => closed,
    of,
    send: (message: ClientMessage) => socket.send(JSON.stringify(message)),
    /** The users of the latest USER_LIST this participant received. */
    users: () => {
      const last = of('USER_LIST').at(-1)?.event;
      return last?.type === 'USER_LIST' ? last.users : [];
    },
  };
}

describe('the live room channel against the sandbox', () => {
  it('gives rooms a ws room link with the numeric open app id by default, and 16-character room codes', async () => {
    const { room, gateway } = await liveRoom();
    const link = new URL(room.roomLink);
    expect(link.protocol).toBe('ws:');
    expect(link.host).toBe(new URL(gateway.baseUrl).host);
    expect(link.pathname).toBe(`/open/${room.roomCode}`);
    expect(link.searchParams.get('open_app_id')).toMatch(/^\d+$/);
    expect(room.roomCode).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('connects with force=1 and reads room info, itself, the user list and voice info', async () => {
    const { channels, room, waitFor, ticketUrls, gateway } = await liveRoom();
    expect(channels.connect(room.roomCode, 'presence').connection).toBe('connecting');
    const connected = await waitFor((p) => p.connection === 'connected' && p.voice !== null && p.users.length === 1);
    const agent = { userId: 'agent-1', nickname: 'Agent Li', role: 'anchor', online: true, microphone: 'closed', maySyncFrame: true };
    expect(connected.self).toEqual(agent);
    expect(connected.users).toEqual([agent]);
    expect(connected.voice).toEqual({ voiceId: String(gateway.rooms.get(room.roomCode)!.voiceId), type: 'trtc' });
    expect(ticketUrls).toHaveLength(1);
    expect(new URL(ticketUrls[0]!).searchParams.get('force')).toBe('1');
    expect(gateway.liveChannel.connectionCount(room.roomCode)).toBe(1);
  });

  it('sends the four greeting frames in order, each a full envelope of the wire', async () => {
    const { room, client, token } = await liveRoom();
    const guest = await participant(client, token, room, 'client-zhang');
    await expect.poll(() => guest.frames.length).toBeGreaterThanOrEqual(4);
    expect(guest.frames.slice(0, 4).map((frame) => frame.event.type)).toEqual(['ROOM_INFO', 'SELF_USER_INFO', 'USER_LIST', 'RTC_INFO']);
    expect(guest.frames[0]!.envelope.room_code).toBe(room.roomCode);
    expect(guest.frames[0]!.envelope.app_id).toBe(new URL(room.roomLink).searchParams.get('open_app_id'));
    expect(guest.violations).toEqual([]);
  });

  it('with force=0 keeps both connections of a user, and the user stays in the room while one remains', async () => {
    const { room, client, token } = await liveRoom();
    const first = await participant(client, token, room, 'client-zhang', 'audience', false);
    const second = await participant(client, token, room, 'client-zhang', 'audience', false);
    const watcher = await participant(client, token, room, 'watcher');
    first.socket.close();
    await expect.poll(() => first.closed()).not.toBeNull();
    await sleep(100);
    expect(second.closed()).toBeNull();
    expect(watcher.users().find((user) => user.id === 'client-zhang')?.current_ws_online).toBe(true);
  });

  it("shows two users' presence with each one's microphone state", async () => {
    const { channels, room, client, token, waitFor } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected' && p.users.length === 1);
    const guest = await participant(client, token, room, 'client-zhang');
    const joined = await waitFor((p) => p.users.length === 2);
    expect(joined.changes).toEqual([
      { kind: 'joined', user: expect.objectContaining({ userId: 'client-zhang', microphone: 'closed', online: true }) },
    ]);

    guest.send(changeMicroStatusMessage('mic-1', true));
    const open = await waitFor((p) => p.users.find((u) => u.userId === 'client-zhang')?.microphone === 'open');
    expect(open.users.find((u) => u.userId === 'agent-1')?.microphone).toBe('closed');
    // The sender gets its built-in back, then a fresh SELF_USER_INFO and USER_LIST.
    await expect.poll(() => guest.frames.findIndex((f) => f.envelope.front_request_id === 'mic-1')).toBeGreaterThan(-1);
    const echoed = guest.frames.findIndex((f) => f.envelope.front_request_id === 'mic-1');
    await expect.poll(() => guest.frames.length).toBeGreaterThanOrEqual(echoed + 3);
    expect(guest.frames.slice(echoed, echoed + 3).map((f) => f.event.type)).toEqual(['BUILTIN_MSG', 'SELF_USER_INFO', 'USER_LIST']);
    const self = guest.frames[echoed + 1]!.event;
    expect(self.type === 'SELF_USER_INFO' && self.user.micro_status).toBe('OPEN');

    channels.channel(room.roomCode)!.setMicrophone(true);
    await waitFor((p) => p.self?.microphone === 'open' && p.users.every((u) => u.microphone === 'open'));
    guest.socket.close();
    const left = await waitFor((p) => p.users.length === 1);
    expect(left.changes).toEqual([{ kind: 'left', user: expect.objectContaining({ userId: 'client-zhang' }) }]);
    expect(guest.violations).toEqual([]);
  });

  it('relays keyframes, keeps the latest per key as last_frame for a late joiner, and enforces sync_frame', async () => {
    const { channels, room, client, token, waitFor } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    const early = await participant(client, token, room, 'guest-early');
    const channel = channels.channel(room.roomCode)!;
    channel.sendKeyframe({ FiveState: { ...FIVE_STATE, panoIndex: 1 } });
    channel.sendKeyframe({ FiveState: { ...FIVE_STATE, panoIndex: 2 }, Floor: { index: 0 } });
    await expect.poll(() => early.of('KEYFRAME_SYNC').length).toBe(2);
    const relayed = early.of('KEYFRAME_SYNC')[1]!;
    expect(relayed.envelope.trigger_user_id).toBe('agent-1');
    expect(relayed.event).toMatchObject({ type: 'KEYFRAME_SYNC', frames: { FiveState: { panoIndex: 2 }, Floor: { index: 0 } } });

    const late = await participant(client, token, room, 'guest-late');
    await expect.poll(() => late.of('ROOM_INFO').length).toBe(1);
    const info = late.of('ROOM_INFO')[0]!.event;
    expect(info.type === 'ROOM_INFO' && info.lastFrame).toEqual({ FiveState: { ...FIVE_STATE, panoIndex: 2 }, Floor: { index: 0 } });

    // A guest's keyframe makes them the leader; taking sync_frame away refuses their keyframes.
    early.send(keyframeMessage('kf-1', { FiveState: { ...FIVE_STATE, panoIndex: 3 } }));
    await waitFor((p) => p.leaderId === 'guest-early');
    channel.setSyncFramePermission('guest-early', false);
    await waitFor((p) => p.users.find((u) => u.userId === 'guest-early')?.maySyncFrame === false);
    early.send(keyframeMessage('kf-2', { FiveState: { ...FIVE_STATE, panoIndex: 9 } }));
    await expect.poll(() => early.of('REFUSED').map((f) => f.envelope.front_request_id)).toContain('kf-2');
    expect(channel.lastFrame().FiveState).toMatchObject({ panoIndex: 3 });
    const again = await participant(client, token, room, 'guest-later');
    await expect.poll(() => again.of('ROOM_INFO').length).toBe(1);
    const later = again.of('ROOM_INFO')[0]!.event;
    expect(later.type === 'ROOM_INFO' && later.lastFrame.FiveState).toMatchObject({ panoIndex: 3 });
    expect(late.of('KEYFRAME_SYNC').map((f) => f.envelope.trigger_user_id)).not.toContain('agent-1');
    for (const guest of [early, late, again]) expect(guest.violations).toEqual([]);
  });

  it('delivers a custom event only to its addressee', async () => {
    const { channels, room, client, token, waitFor } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    const a = await participant(client, token, room, 'guest-a');
    const b = await participant(client, token, room, 'guest-b');
    const channel = channels.channel(room.roomCode)!;
    channel.sendCustomEvent('chat', { text: 'for a' }, ['guest-a']);
    channel.sendCustomEvent('chat', { text: 'for b' }, ['guest-b']);
    await expect.poll(() => b.of('CUSTOM_EVENT').length).toBe(1);
    await expect.poll(() => a.of('CUSTOM_EVENT').length).toBe(1);
    expect(a.of('CUSTOM_EVENT')[0]!.event).toEqual({
      type: 'CUSTOM_EVENT',
      eventId: 'chat',
      payload: { text: 'for a' },
      toUserIds: ['guest-a'],
    });
    expect(b.of('CUSTOM_EVENT')[0]!.event).toMatchObject({ payload: { text: 'for b' } });
  });

  it('kicks a guest: the guest is told, then closed, and leaves the presence', async () => {
    const { channels, room, client, token, waitFor } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    const guest = await participant(client, token, room, 'client-zhang');
    await waitFor((p) => p.users.length === 2);
    // A guest may not kick anyone.
    guest.send(kickMessage('g-kick', 'agent-1'));
    await expect.poll(() => guest.of('REFUSED').length).toBe(1);

    channels.channel(room.roomCode)!.kick('client-zhang');
    await waitFor((p) => p.users.length === 1);
    await expect.poll(() => guest.closed()).not.toBeNull();
    const types = guest.frames.map((f) => f.event.type);
    expect(types.slice(-2)).toEqual(['BUILTIN_MSG', 'USER_KICK_OUT']);
    const kickedOut = guest.of('USER_KICK_OUT')[0]!.event;
    expect(kickedOut.type === 'USER_KICK_OUT' && kickedOut.user?.status).toBe(1);
  });

  it('stops as kicked when the app itself is kicked, without reconnecting', async () => {
    const { channels, room, client, token, waitFor, ticketsSpent } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    const boss = await participant(client, token, room, 'agent-boss', 'anchor');
    boss.send(kickMessage('k', 'agent-1'));
    await waitFor((p) => p.connection === 'kicked');
    await sleep(200);
    expect(ticketsSpent()).toBe(2);
  });

  it('force=1 replaces the same user: the older connection is told and closed', async () => {
    const { channels, room, client, token, waitFor, ticketsSpent } = await liveRoom();
    const older = await participant(client, token, room, 'agent-1', 'anchor');
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    await expect.poll(() => older.closed()).not.toBeNull();
    const told = older.frames.slice(-2).map((f) => f.event);
    expect(told.map((e) => e.type)).toEqual(['SELF_USER_INFO', 'USER_KICK_OUT']);
    expect(told[0]!.type === 'SELF_USER_INFO' && told[0]!.user).toMatchObject({ status: 2, mem_status: 'BE_REPLACE' });

    // And the other way round: another device taking over stops the app for good.
    const newer = await participant(client, token, room, 'agent-1', 'anchor');
    await waitFor((p) => p.connection === 'replaced');
    await sleep(200);
    expect(ticketsSpent()).toBe(3);
    expect(newer.closed()).toBeNull();
  });

  it('"End room" closes the room for everyone and every socket; the details then say closed', async () => {
    const { channels, room, client, token, waitFor, gateway } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    const a = await participant(client, token, room, 'client-wang');
    const b = await participant(client, token, room, 'client-li');
    await waitFor((p) => p.users.length === 3);

    await channels.endRoom(room.roomCode);
    expect(channels.presence(room.roomCode)?.connection).toBe('room-closed');
    for (const guest of [a, b]) {
      await expect.poll(() => guest.closed()).not.toBeNull();
      expect(guest.of('BUILTIN_MSG').at(-1)?.event).toMatchObject({ eventType: 'room_change', action: 'close' });
    }
    expect(gateway.liveChannel.connectionCount(room.roomCode)).toBe(0);
    const detail = await client.detail(token, room.roomCode);
    expect(detail.data.status).toBe(2);
    expect(detail.data.close_time).not.toBe('');
  });

  it('answers malformed client messages with a refusal frame and keeps the connection', async () => {
    const { room, client, token, gateway } = await liveRoom();
    const guest = await participant(client, token, room, 'client-wang');
    const other = await participant(client, token, room, 'client-li');
    guest.socket.send('not json');
    guest.socket.send(JSON.stringify({ command: 5, data: {} }));
    guest.socket.send(JSON.stringify({ command: 'CUSTOM_EVENT', front_request_id: 'a', data: { data: 1, to_user_ids: [] } }));
    guest.socket.send(JSON.stringify({ command: 'CUSTOM_EVENT', front_request_id: 'b', to_user_ids: [], data: 'wrong' }));
    guest.socket.send(JSON.stringify({ command: 'TELEPORT', front_request_id: 'c', data: {} }));
    await expect.poll(() => guest.of('REFUSED').length).toBe(5);
    expect(guest.of('REFUSED').map((f) => f.event.type === 'REFUSED' && f.event.code)).toEqual([
      'PARAM_ERROR',
      'PARAM_ERROR',
      'PARAM_ERROR',
      'PARAM_ERROR',
      'UNKNOWN_COMMAND',
    ]);
    guest.send({ command: 'CUSTOM_EVENT', front_request_id: 'd', data: { event_id: 'chat', data: 'still here', to_user_ids: [] } });
    await expect.poll(() => other.of('CUSTOM_EVENT').length).toBe(1);
    expect(guest.closed()).toBeNull();
    expect(gateway.liveChannel.connectionCount(room.roomCode)).toBe(2);
    expect(guest.violations).toEqual([]);
  });

  it('a guest cannot end the room', async () => {
    const { room, client, token, gateway } = await liveRoom();
    const guest = await participant(client, token, room, 'client-wang');
    guest.send({
      command: 'BUILTIN_MSG',
      front_request_id: 'x',
      data: { event_type: 'room_change', action: 'close', data: {}, to_user_ids: [] },
    });
    await expect.poll(() => guest.of('REFUSED').length).toBe(1);
    expect(gateway.rooms.get(room.roomCode)!.status).not.toBe(2);
  });

  it('a room closed elsewhere ends the channel as room-closed without spending another ticket', async () => {
    const { channels, room, waitFor, gateway, ticketsSpent } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    gateway.rooms.close(room.roomCode);
    await waitFor((p) => p.connection === 'room-closed');
    await sleep(200);
    expect(ticketsSpent()).toBe(1);
  });

  it('refuses a bad ticket with close code 1008 and a reason, no app code', async () => {
    const { room, gateway } = await liveRoom();
    const socket = new WebSocket(`${room.roomLink}&ticket=nonsense&force=1`);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect(closed).toEqual({ code: 1008, reason: 'ticket-invalid' });
    expect(gateway.liveChannel.connectionCount()).toBe(0);
  });

  it('a refused ticket stops as refused after one fresh try, without looping (tickets counted at the sandbox)', async () => {
    const { gateway, client, token, room } = await liveRoom();
    const other = await client.newRoom(token);
    const events: LivePresence[] = [];
    const channels = createLiveChannels({
      // Each ticket is fresh, but for another room: the sandbox refuses every one.
      hostTicketLink: async () => {
        const ticket = await client.ticket(token, other.roomCode, 'agent-1', 'anchor');
        return { url: withTicket(room.roomLink, ticket, true), roomLink: room.roomLink };
      },
      roomDetails: async () => ({ closeTime: null }),
      socketFactory: wsSocketFactory,
      emit: (presence) => events.push(presence),
      policy: FAST_RETRY,
    });
    channels.connect(room.roomCode, 'presence');
    await expect.poll(() => events.at(-1)?.connection, { timeout: 5_000 }).toBe('refused');
    expect(events.at(-1)?.reason).toBe('ticket-foreign');
    await sleep(300);
    expect(gateway.stats.count(endpoints.roomTicket)).toBe(2);
    expect(events.at(-1)?.connection).toBe('refused');
  });

  it('after a drop, re-checks the room details before spending a new ticket, then reconnects', async () => {
    const { channels, room, waitFor, gateway, ticketUrls, events } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    gateway.stats.reset();

    expect(gateway.liveChannel.dropAll()).toBe(1);
    await waitFor((p) => p.connection === 'connected' && ticketUrls.length === 2);
    const paths = gateway.stats.requests.map((request) => request.path);
    expect(paths.indexOf(endpoints.roomDetail)).toBeGreaterThan(-1);
    expect(paths.indexOf(endpoints.roomDetail)).toBeLessThan(paths.indexOf(endpoints.roomTicket));
    expect(events.find((p) => p.connection === 'reconnecting' && p.reconnect !== null)?.reconnect?.attempt).toBe(1);
    expect(new Set(ticketUrls).size).toBe(2);
    expect(gateway.liveChannel.connectionCount(room.roomCode)).toBe(1);
  });

  it('a room that flaps (drops right after every ROOM_INFO) ends in failed instead of reconnecting forever', async () => {
    const { channels, room, waitFor, gateway, ticketsSpent } = await liveRoom({
      policy: { baseMs: 10, maxMs: 20, jitter: 0, maxAttempts: 3 },
      ticketsPerMinute: 100,
    });
    const flapper = setInterval(() => gateway.liveChannel.dropAll(), 5);
    try {
      channels.connect(room.roomCode, 'presence');
      const failed = await waitFor((p) => p.connection === 'failed', 10_000);
      expect(failed.reason).toMatch(/gave up after 3 attempts/);
      await sleep(200);
      expect(ticketsSpent()).toBeLessThanOrEqual(4);
    } finally {
      clearInterval(flapper);
    }
  });

  it('caps the tickets spent on a room per minute, whatever the backoff says', async () => {
    const { channels, room, waitFor, gateway, ticketsSpent } = await liveRoom({
      policy: { baseMs: 5, maxMs: 10, jitter: 0, maxAttempts: 50 },
      ticketsPerMinute: 2,
    });
    const flapper = setInterval(() => gateway.liveChannel.dropAll(), 5);
    try {
      channels.connect(room.roomCode, 'presence');
      const waiting = await waitFor((p) => p.connection === 'reconnecting' && p.reconnect !== null && p.reconnect.at - Date.now() > 30_000);
      expect(waiting.reconnect!.at - Date.now()).toBeLessThanOrEqual(60_000);
      await sleep(300);
      expect(ticketsSpent()).toBe(2);
    } finally {
      clearInterval(flapper);
      channels.dispose();
    }
  });

  it('connects through a room link that carries a #fragment', async () => {
    const { channels, room, waitFor } = await liveRoom({ link: (room) => `${room.roomLink}#lobby` });
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
  });

  it('a link the socket cannot open ends as failed, not stuck connecting', async () => {
    const throwing: LiveSocketFactory = () => {
      throw new SyntaxError('The URL contains a fragment identifier');
    };
    const { channels, room, waitFor, ticketsSpent } = await liveRoom({ socketFactory: throwing });
    channels.connect(room.roomCode, 'presence');
    const failed = await waitFor((p) => p.connection === 'failed');
    expect(failed.reason).toMatch(/could not be opened/);
    expect(ticketsSpent()).toBe(1);
  });

  it('skips malformed frames, logging each kind once, and stays connected', async () => {
    const bad = [
      'not json',
      JSON.stringify({ code: 'SUCCESS', command: 'TELEPORT', data: {}, room_code: '' }),
      JSON.stringify({ code: 'SUCCESS', command: 'USER_LIST', data: { user_list: [] } }),
      JSON.stringify({
        code: 'SUCCESS',
        command: 'SELF_USER_INFO',
        data: { id: 42, status: 2, mem_status: 'BE_REPLACE' },
        room_code: 'SomeOtherRoom000',
      }),
      JSON.stringify({ code: 'SUCCESS', command: 'CUSTOM_EVENT', data: 'x'.repeat(300_000) }),
      '{"command":',
      'not json',
    ];
    const injecting: LiveSocketFactory = (url, handlers) =>
      wsSocketFactory(url, {
        ...handlers,
        onMessage: (text) => {
          for (const frame of bad) handlers.onMessage(frame);
          handlers.onMessage(text);
        },
      });
    const { channels, room, waitFor, logged, ticketsSpent } = await liveRoom({ socketFactory: injecting });
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected' && p.users.length === 1 && p.voice !== null);
    await sleep(100);
    expect(channels.presence(room.roomCode)?.connection).toBe('connected');
    expect(ticketsSpent()).toBe(1);
    expect(logged.filter((line) => line.includes('not JSON'))).toHaveLength(1);
    expect(logged.some((line) => line.includes('unknown command kept: TELEPORT'))).toBe(true);
    expect(logged.some((line) => line.includes('USER_LIST'))).toBe(true);
    expect(logged.some((line) => line.includes('another room'))).toBe(true);
    expect(logged.some((line) => line.includes('too large'))).toBe(true);
    expect(logged.join('\n')).not.toContain('ticket=');
  });

  it('does not keep fetching tickets for a room whose link is a page', async () => {
    const { gateway, client } = await startTestGateway({ roomLinks: 'page' });
    const token = await client.token();
    const room = await client.newRoom(token);
    const events: LivePresence[] = [];
    const channels = createLiveChannels({
      hostTicketLink: async (roomCode, force) => ({
        url: withTicket(room.roomLink, await client.ticket(token, roomCode, 'agent-1', 'anchor'), force),
        roomLink: room.roomLink,
      }),
      roomDetails: async () => ({ closeTime: null }),
      socketFactory: wsSocketFactory,
      emit: (presence) => events.push(presence),
      policy: FAST_RETRY,
    });
    channels.connect(room.roomCode, 'presence');
    await expect.poll(() => events.at(-1)?.connection).toBe('failed');
    expect(events.at(-1)?.reason).toBe('This room has no live channel link.');
    expect(gateway.stats.count(endpoints.roomTicket)).toBe(1);
    expect(gateway.liveChannel.connectionCount()).toBe(0);
  });
});

describe('holders of a room’s live channel', () => {
  it('connects for the first holder, spends no ticket for the next, and disconnects only when the last lets go', async () => {
    const { channels, room, client, token, waitFor, ticketUrls, gateway } = await liveRoom();
    const guest = await participant(client, token, room, 'client-zhang');
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    expect(channels.connect(room.roomCode, 'voice').connection).toBe('connected');
    expect(channels.connect(room.roomCode, 'tour-view').connection).toBe('connected');
    await sleep(100);
    expect(ticketUrls).toHaveLength(1);
    expect(channels.holders(room.roomCode).sort()).toEqual(['presence', 'tour-view', 'voice']);

    expect(channels.disconnect(room.roomCode, 'presence').connection).toBe('connected');
    expect(channels.disconnect(room.roomCode, 'tour-view').connection).toBe('connected');
    // A holder that holds nothing cannot let go of another's hold.
    expect(channels.disconnect(room.roomCode, 'tour').connection).toBe('connected');
    expect(channels.disconnect(room.roomCode, 'presence').connection).toBe('connected');
    await sleep(100);
    // The guest's connection and the agent's one.
    expect(gateway.liveChannel.connectionCount(room.roomCode)).toBe(2);
    expect(guest.users().map((user) => user.id)).toContain('agent-1');

    expect(channels.disconnect(room.roomCode, 'voice').connection).toBe('disconnected');
    await expect.poll(() => gateway.liveChannel.connectionCount(room.roomCode)).toBe(1);
    const online = () =>
      guest
        .users()
        .filter((user) => user.current_ws_online !== false)
        .map((user) => user.id);
    await expect.poll(online).toEqual(['client-zhang']);
    expect(ticketUrls).toHaveLength(1);
  });

  it('counts each holder’s holds: two screens showing presence let go twice', async () => {
    const { channels, room, waitFor, ticketUrls } = await liveRoom();
    channels.connect(room.roomCode, 'presence');
    channels.connect(room.roomCode, 'presence');
    await waitFor((p) => p.connection === 'connected');
    expect(channels.disconnect(room.roomCode, 'presence').connection).toBe('connected');
    expect(channels.disconnect(room.roomCode, 'presence').connection).toBe('disconnected');
    expect(channels.holders(room.roomCode)).toEqual([]);
    // Held again: a fresh connection with a fresh ticket.
    channels.connect(room.roomCode, 'tour');
    await waitFor((p) => p.connection === 'connected');
    expect(ticketUrls).toHaveLength(2);
  });

  it('the app page reloading lets go of every page hold; main’s tour view keeps its own', async () => {
    const other: { roomCode: string; roomLink: string }[] = [];
    const t: Awaited<ReturnType<typeof liveRoom>> = await liveRoom({
      hostTicketLink: async (roomCode, force) => {
        const link = roomCode === t.room.roomCode ? t.room.roomLink : other[0]!.roomLink;
        return { url: withTicket(link, await t.client.ticket(t.token, roomCode, 'agent-1', 'anchor'), force), roomLink: link };
      },
    });
    const { channels, room, client, token, gateway } = t;
    other.push(await client.newRoom(token));
    const otherCode = other[0]!.roomCode;
    channels.connect(room.roomCode, 'presence');
    channels.connect(room.roomCode, 'voice');
    channels.connect(room.roomCode, 'tour');
    channels.connect(room.roomCode, 'tour-view');
    channels.connect(otherCode, 'voice');
    const connections = () => [room.roomCode, otherCode].map((code) => channels.presence(code)?.connection);
    await expect.poll(connections).toEqual(['connected', 'connected']);

    channels.releasePageHolds();
    expect(connections()).toEqual(['connected', 'disconnected']);
    expect(channels.holders(room.roomCode)).toEqual(['tour-view']);
    expect(channels.holders(otherCode)).toEqual([]);
    await expect.poll(() => gateway.liveChannel.connectionCount(otherCode)).toBe(0);
    // The reloaded page holds afresh; the tour view letting go then leaves the page's hold.
    channels.connect(room.roomCode, 'presence');
    channels.disconnect(room.roomCode, 'tour-view');
    await sleep(100);
    expect(channels.presence(room.roomCode)?.connection).toBe('connected');
    expect(gateway.liveChannel.connectionCount(room.roomCode)).toBe(1);
  });

  it('kicked, replaced and an ended room end the channel for every holder; letting go keeps the final state', async () => {
    const kickedRoom = await liveRoom();
    kickedRoom.channels.connect(kickedRoom.room.roomCode, 'presence');
    kickedRoom.channels.connect(kickedRoom.room.roomCode, 'voice');
    await kickedRoom.waitFor((p) => p.connection === 'connected');
    const boss = await participant(kickedRoom.client, kickedRoom.token, kickedRoom.room, 'agent-boss', 'anchor');
    boss.send(kickMessage('k', 'agent-1'));
    await kickedRoom.waitFor((p) => p.connection === 'kicked');
    expect(kickedRoom.channels.disconnect(kickedRoom.room.roomCode, 'presence').connection).toBe('kicked');
    expect(kickedRoom.channels.disconnect(kickedRoom.room.roomCode, 'voice').connection).toBe('kicked');
    await sleep(200);
    expect(kickedRoom.ticketUrls).toHaveLength(1);

    const replacedRoom = await liveRoom();
    replacedRoom.channels.connect(replacedRoom.room.roomCode, 'tour');
    replacedRoom.channels.connect(replacedRoom.room.roomCode, 'tour-view');
    await replacedRoom.waitFor((p) => p.connection === 'connected');
    await participant(replacedRoom.client, replacedRoom.token, replacedRoom.room, 'agent-1', 'anchor');
    await replacedRoom.waitFor((p) => p.connection === 'replaced');
    replacedRoom.channels.disconnect(replacedRoom.room.roomCode, 'tour-view');
    expect(replacedRoom.channels.presence(replacedRoom.room.roomCode)?.connection).toBe('replaced');
    await sleep(200);
    expect(replacedRoom.ticketUrls).toHaveLength(1);

    const endedRoom = await liveRoom();
    endedRoom.channels.connect(endedRoom.room.roomCode, 'presence');
    endedRoom.channels.connect(endedRoom.room.roomCode, 'voice');
    await endedRoom.waitFor((p) => p.connection === 'connected');
    await endedRoom.channels.endRoom(endedRoom.room.roomCode);
    expect(endedRoom.channels.presence(endedRoom.room.roomCode)?.connection).toBe('room-closed');
    endedRoom.channels.releasePageHolds();
    expect(endedRoom.channels.presence(endedRoom.room.roomCode)?.connection).toBe('room-closed');
    expect(endedRoom.gateway.liveChannel.connectionCount(endedRoom.room.roomCode)).toBe(0);
  });
});
