import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TourPageEventName, TourState } from '../../../common/contract/tour';
import { FIVE_STATE_KEY, type LiveEvent } from '../../../common/live-protocol';
import { defaultRoles } from '../../../common/profile';
import { createGatewayClient } from '../../../main/realsee/client';
import { loadVrWork } from '../../../main/rooms/vr-works';
import { withTicket } from '../../../main/rooms/room-link';
import { createTourController, type TourController } from '../../../main/tour/tour-controller';
import type { TourHostFactory } from '../../../main/tour/tour-host';
import { createTourPageDispatcher } from '../../../main/tour/tour-page-dispatch';
import { startTourServer, type TourServer } from '../../../main/tour/tour-server';
import { createLiveChannelClient, createLiveChannels, wsSocketFactory, type LiveChannels } from '../../../main/viewer/index';
import { startTestGateway } from '../sandbox/sandbox-client';

const VR_CODE = '800000000000000001';
const SETTLED = { timeout: 5_000 };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Everything the tour page was sent or told, in order, as the page would receive it. */
interface PageRecord {
  loaded: string[];
  sent: Array<{ event: TourPageEventName; payload: unknown }>;
  bounds: unknown[];
  visible: boolean[];
  closed: number;
}

async function tourRoom(options: { vrCode?: string | null; roomLinks?: 'page' | 'live-channel' } = {}) {
  const { gateway, client } = await startTestGateway(options.roomLinks ? { roomLinks: options.roomLinks } : {});
  const token = await client.token();
  const room = await client.newRoom(token);
  const secrets: string[] = [token];
  const logs: string[] = [];
  const states: TourState[] = [];
  const page: PageRecord = { loaded: [], sent: [], bounds: [], visible: [], closed: 0 };
  const folder = await mkdtemp(join(tmpdir(), 'roomdesk-tour-'));
  await writeFile(join(folder, 'tour.html'), '<p>tour</p>');
  let server: TourServer | null = null;
  cleanups.push(async () => {
    await server?.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  const ticketFor = async (userId: string, role: string) => {
    const ticket = await client.ticket(token, room.roomCode, userId, role, userId);
    secrets.push(ticket);
    return withTicket(room.roomLink, ticket, true);
  };
  // eslint-disable-next-line prefer-const
  let tour: TourController;
  const live: LiveChannels = createLiveChannels({
    hostTicketLink: async () => ({ url: await ticketFor('agent-1', 'anchor'), roomLink: room.roomLink }),
    roomDetails: async (roomCode) => {
      const detail = await client.detail(token, roomCode);
      return { closeTime: detail.data.close_time || null };
    },
    socketFactory: wsSocketFactory,
    emit: (presence) => tour.presence(presence),
    onEvent: (roomCode, event, envelope) => tour.receive(roomCode, event, envelope),
    log: (message, fields) => logs.push(`${message} ${JSON.stringify(fields)}`),
  });
  cleanups.push(() => live.dispose());
  const gatewayClient = createGatewayClient({ baseUrl: gateway.baseUrl, ...gateway.demoApp, roles: defaultRoles });
  const host: TourHostFactory = (listener) => ({
    load: (url) => page.loaded.push(url),
    setBounds: (bounds) => page.bounds.push(bounds),
    setVisible: (visible) => page.visible.push(visible),
    send: (event, payload) => page.sent.push({ event, payload: JSON.parse(JSON.stringify(payload)) }),
    close: () => {
      page.closed += 1;
      void listener;
    },
  });
  tour = createTourController({
    vrCodeFor: async () => (options.vrCode === undefined ? VR_CODE : options.vrCode),
    vrWork: async (vrCode) => {
      const work = await loadVrWork(gatewayClient, vrCode);
      return { work: work.work, resourceOrigins: work.resourceOrigins };
    },
    hostRole: async () => 'anchor',
    live,
    server: async () => (server ??= await startTourServer({ folder })),
    createHost: host,
    emit: (state) => states.push(state),
    log: (message, fields) => logs.push(`${message} ${JSON.stringify(fields)}`),
  });
  cleanups.push(() => tour.dispose());
  const dispatch = createTourPageDispatcher(tour.pageHandlers, (message, fields) => logs.push(`${message} ${JSON.stringify(fields)}`));
  const call = (method: string, input?: unknown, trusted = true) => dispatch(method, input, { trusted });

  /** A guest on the room's channel, with its own client (as the guest page is). */
  async function guest(userId: string) {
    const events: Array<{ event: LiveEvent; from: string | null }> = [];
    const guestClient = createLiveChannelClient({
      roomCode: room.roomCode,
      ticketLink: () => ticketFor(userId, 'audience'),
      checkRoom: async () => 'open',
      socketFactory: wsSocketFactory,
      onPresence: () => undefined,
      onEvent: (event, envelope) => events.push({ event, from: envelope.trigger_user_id ?? null }),
    });
    guestClient.connect();
    cleanups.push(() => void guestClient.disconnect());
    await expect.poll(() => guestClient.presence().connection, SETTLED).toBe('connected');
    return { client: guestClient, events };
  }

  const sentOf = (type: LiveEvent['type']) =>
    page.sent.filter((item) => item.event === 'channelEvent' && (item.payload as { event: { type: string } }).event.type === type);

  return { room, live, tour, page, states, logs, secrets, call, guest, sentOf, latest: () => states.at(-1)! };
}

const BOUNDS = { x: 0, y: 40, width: 800, height: 600 };

describe('the tour controller', () => {
  it('gives the page the Work, then the room as it stands, and relays keyframes both ways', async () => {
    const t = await tourRoom();
    t.live.connect(t.room.roomCode, 'presence');
    await expect.poll(() => t.live.presence(t.room.roomCode)?.connection, SETTLED).toBe('connected');
    const client = await t.guest('client-zhang');
    // The host's view before the tour opened: the room keeps it as last_frame.
    t.live.channel(t.room.roomCode)!.sendKeyframe({ [FIVE_STATE_KEY]: { longitude: 1 } });

    expect(t.tour.open(t.room.roomCode, BOUNDS, 'zh-CN').phase).toBe('loading');
    await expect.poll(() => t.page.loaded.length, SETTLED).toBe(1);
    expect(t.page.loaded[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tour\/[0-9a-f]{32}\/$/);
    expect(t.page.bounds).toEqual([BOUNDS]);

    const ready = await t.call('ready');
    expect(ready.ok).toBe(true);
    const answer = (ready as { value: { roomCode: string; hostRole: string; locale: string; work: unknown; resourceOrigins: string[] } })
      .value;
    expect(answer).toMatchObject({ roomCode: t.room.roomCode, hostRole: 'anchor', locale: 'zh-CN' });
    expect(answer.work).toBeTypeOf('object');
    await expect.poll(() => t.sentOf('USER_LIST').length, SETTLED).toBeGreaterThan(0);
    const roomInfo = t.sentOf('ROOM_INFO')[0]!.payload as { event: { lastFrame: Record<string, { longitude: number }> } };
    expect(roomInfo.event.lastFrame[FIVE_STATE_KEY]!.longitude).toBe(1);
    expect(t.sentOf('SELF_USER_INFO')).toHaveLength(1);

    // The page's view goes to the guest, through main's channel.
    expect(await t.call('sendKeyframe', { frames: { [FIVE_STATE_KEY]: { longitude: 2 } } })).toEqual({ ok: true, value: { sent: true } });
    await expect
      .poll(() => client.events.find((item) => item.event.type === 'KEYFRAME_SYNC' && JSON.stringify(item.event).includes('"longitude":2')))
      .toMatchObject({ from: 'agent-1' });
    // The guest's view (after a hand-over) comes back to the page.
    client.client.sendKeyframe({ [FIVE_STATE_KEY]: { longitude: 3 } });
    await expect
      .poll(() => t.sentOf('KEYFRAME_SYNC').map((item) => item.payload as { event: { frames: unknown }; envelope: unknown }))
      .toContainEqual({
        event: { type: 'KEYFRAME_SYNC', frames: { [FIVE_STATE_KEY]: { longitude: 3 } }, toUserIds: [] },
        envelope: { trigger_user_id: 'client-zhang' },
      });

    const leadership = { selfId: 'agent-1', leaderId: 'agent-1', leading: true, isHost: true };
    expect((await t.call('report', { phase: 'showing', failure: null, leadership })).ok).toBe(true);
    expect(t.latest()).toMatchObject({
      roomCode: t.room.roomCode,
      phase: 'showing',
      leadership: { leaderId: 'agent-1', leading: true, isHost: true },
    });

    expect(t.tour.command(t.room.roomCode, { type: 'handOver', userId: 'client-zhang' })).toBe(true);
    expect(t.tour.command('another-room-code', { type: 'takeBack' })).toBe(false);
    expect(t.page.sent.filter((item) => item.event === 'command').map((item) => item.payload)).toEqual([
      { type: 'handOver', userId: 'client-zhang' },
    ]);

    // Nothing the page was sent, and nothing logged, holds a ticket or the access token.
    const everything = JSON.stringify([t.page, answer, t.logs, t.states]);
    expect(t.secrets.length).toBeGreaterThanOrEqual(3);
    for (const secret of t.secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/ticket=|ws:\/\//);
  });

  it('answers bad calls from the page with typed errors and keeps running', async () => {
    const t = await tourRoom();
    expect(await t.call('ready')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    t.tour.open(t.room.roomCode, BOUNDS);
    await expect.poll(() => t.page.loaded.length, SETTLED).toBe(1);
    expect(await t.call('ready', undefined, false)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await t.call('sendKeyframe', { frames: {} })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect((await t.call('ready')).ok).toBe(true);
    const refused = [
      await t.call('openTour', { roomCode: t.room.roomCode }),
      await t.call('sendKeyframe', { frames: 'FiveState' }),
      await t.call('sendKeyframe', { frames: { [FIVE_STATE_KEY]: { blob: 'x'.repeat(20_000) } } }),
      await t.call('sendKeyframe', { frames: {}, toUserIds: ['someone'] }),
      await t.call('setSyncFramePermission', { userId: '', allowed: true }),
      await t.call('report', { phase: 'showing', failure: null, leadership: null, extra: 1 }),
      await t.call('report', { phase: 'gone', failure: null, leadership: null }),
      await t.call('__proto__', {}),
    ];
    for (const result of refused) expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    // Not connected to the room's channel yet (or any more): a network error, not a crash.
    t.live.channel(t.room.roomCode)!.disconnect();
    expect(await t.call('sendKeyframe', { frames: {} })).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(t.latest().phase).toBe('loading');
  });

  it('fails clearly for a room without a VR, and opens no page', async () => {
    const t = await tourRoom({ vrCode: null });
    t.tour.open(t.room.roomCode, BOUNDS);
    await expect.poll(() => t.latest().phase, SETTLED).toBe('failed');
    expect(t.latest().failure?.reason).toBe('no-vr');
    expect(t.page.loaded).toEqual([]);
  });

  it('a room whose link is a web page is no tour: it says so and frees its page', async () => {
    const t = await tourRoom({ roomLinks: 'page' });
    t.tour.open(t.room.roomCode, BOUNDS);
    await expect.poll(() => t.latest().phase, SETTLED).toBe('failed');
    expect(t.latest().failure?.reason).toBe('not-live');
    expect(t.page.closed).toBe(t.page.loaded.length);
  });

  it('a page that cannot render fails the tour and frees its page', async () => {
    const t = await tourRoom();
    t.tour.open(t.room.roomCode, BOUNDS);
    await expect.poll(() => t.page.loaded.length, SETTLED).toBe(1);
    await t.call('ready');
    await t.call('report', { phase: 'failed', failure: { reason: 'not-allowed-here', message: '<b>anything</b>' }, leadership: null });
    expect(t.latest()).toMatchObject({ phase: 'failed', failure: { reason: 'render-failed' } });
    expect(t.latest().failure!.message).not.toContain('<b>');
    expect(t.page.closed).toBe(1);
  });

  it('leaving keeps the room and the channel others hold; ending the room ends the tour', async () => {
    const t = await tourRoom();
    // The tour screen holds the channel too (the app page's own hold).
    t.live.connect(t.room.roomCode, 'tour');
    t.tour.open(t.room.roomCode, BOUNDS);
    await expect.poll(() => t.page.loaded.length, SETTLED).toBe(1);
    const url = t.page.loaded[0]!;
    await expect.poll(() => t.live.presence(t.room.roomCode)?.connection, SETTLED).toBe('connected');
    expect((await fetch(url)).status).toBe(200);

    expect(t.tour.close()).toMatchObject({ roomCode: t.room.roomCode, phase: 'closed', failure: null });
    expect(t.page.closed).toBe(1);
    await expect.poll(async () => (await fetch(url)).status).toBe(404);
    expect(t.live.presence(t.room.roomCode)?.connection).toBe('connected');

    t.tour.open(t.room.roomCode, BOUNDS);
    await expect.poll(() => t.page.loaded.length, SETTLED).toBe(2);
    await t.live.endRoom(t.room.roomCode);
    await expect.poll(() => t.latest().phase, SETTLED).toBe('closed');
    expect(t.latest().failure?.reason).toBe('room-ended');
    expect(t.page.closed).toBe(2);
    expect(t.live.holders(t.room.roomCode)).toEqual(['tour']);
  });

  it('holds the room’s channel while open: leaving with no other holder disconnects it, a failed tour lets go too', async () => {
    const t = await tourRoom();
    t.tour.open(t.room.roomCode, BOUNDS);
    await expect.poll(() => t.live.presence(t.room.roomCode)?.connection, SETTLED).toBe('connected');
    expect(t.live.holders(t.room.roomCode)).toEqual(['tour-view']);
    // Opening the same room again is the same tour: no second hold.
    t.tour.open(t.room.roomCode, BOUNDS);
    t.tour.close();
    expect(t.live.presence(t.room.roomCode)?.connection).toBe('disconnected');
    expect(t.live.holders(t.room.roomCode)).toEqual([]);

    const failing = await tourRoom({ roomLinks: 'page' });
    failing.tour.open(failing.room.roomCode, BOUNDS);
    await expect.poll(() => failing.latest().phase, SETTLED).toBe('failed');
    expect(failing.live.holders(failing.room.roomCode)).toEqual([]);
  });
});
