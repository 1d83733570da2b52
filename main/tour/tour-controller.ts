import {
  tourChannelMessageSchema,
  type TourCommand,
  type TourFailureReason,
  type TourPageReport,
  type TourState,
} from '../../common/contract/tour';
import type { LiveEvent, ServerEnvelope, UserInfo } from '../../common/live-protocol';
import { AppFailure, toAppError } from '../app-failure';
import type { LiveChannels } from '../viewer/live-channels';
import type { LivePresence } from '../viewer/live-channel-client';
import type { ViewerBounds } from '../viewer/viewer-host';
import type { TourHost, TourHostFactory } from './tour-host';
import type { TourPageHandlers } from './tour-page-dispatch';
import type { TourSession } from './tour-server';

export type TourLocale = 'en' | 'zh-CN';

export interface TourControllerOptions {
  /** The VR code stored with the room (its listing's `vr`), or null when it has none. */
  vrCodeFor(roomCode: string): Promise<string | null>;
  /** The VR's Work and the origins its resources load from (main/rooms/room-service.ts `vrWork`). */
  vrWork(vrCode: string): Promise<{ work: Record<string, unknown>; resourceOrigins: string[] }>;
  /** The host role name of the active profile (e.g. `anchor`), so the page knows who leads. */
  hostRole(): Promise<string>;
  live: Pick<LiveChannels, 'connect' | 'disconnect' | 'channel'>;
  /** The loopback server of the tour page, started on first use. */
  server(): Promise<{ open(resourceOrigins: readonly string[]): TourSession; close(id: string): void }>;
  createHost: TourHostFactory;
  emit(state: TourState): void;
  /** One line per problem; never a URL, a ticket, a Work or a keyframe. */
  log?(message: string, fields?: Record<string, unknown>): void;
  now?: () => number;
}

/** The live channel says why it stopped: the room's link is no live channel at all. */
const NOT_LIVE_REASON = 'This room has no live channel link.';

const FAILURE_TEXT: Record<TourFailureReason, string> = {
  'no-vr': 'This room has no VR to show. Choose a VR when you create a room.',
  'not-live': 'This room’s link is a web page, not a live channel: open it in the viewer instead.',
  'work-unavailable': 'The VR could not be loaded from the gateway.',
  'channel-failed': 'Roomdesk could not stay in the room’s live channel.',
  'render-failed': 'The VR could not be shown.',
  crashed: 'The tour page stopped working.',
  'room-ended': 'The room has ended.',
};

interface OpenTour {
  roomCode: string;
  locale: TourLocale;
  bounds: ViewerBounds;
  visible: boolean;
  session: TourSession | null;
  host: TourHost | null;
  page: { work: Record<string, unknown>; resourceOrigins: string[]; hostRole: string } | null;
  /** The page asked for its Work: channel events flow to it from now on. */
  ready: boolean;
  /** The tour holds its room's channel (as `tour-view`) until it ends. */
  holdsChannel: boolean;
}

/**
 * The agent's tour: one at a time, of one room. Fetches the room's VR Work, makes sure main's live
 * channel of the room runs, opens a loopback session of the tour page in its host (a WebContentsView)
 * and relays between them: the room's ROOM_INFO, SELF_USER_INFO, USER_LIST and KEYFRAME_SYNC events to
 * the page (the room as it stands, `last_frame` included, replayed when the page is ready), the
 * page's keyframes and permission changes to the channel. The page never gets a ticket, a link or a
 * token: everything it receives passes the tour page contract's schemas, which drop unknown fields.
 * Closing the tour leaves the room open and lets go of the tour's hold on its channel: the channel
 * stays connected while the app page (presence, tour screen, voice) still holds it.
 */
export function createTourController(options: TourControllerOptions) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  /** The room as main's channel last described it, per room, for a tour opened after the channel connected. */
  const rooms = new Map<
    string,
    { info: Extract<LiveEvent, { type: 'ROOM_INFO' }> | null; self: UserInfo | null; users: UserInfo[] | null }
  >();
  let current: OpenTour | null = null;
  let state: TourState = { roomCode: null, phase: 'idle', failure: null, leadership: null, updatedAt: now() };

  function publish(patch: Partial<TourState>): TourState {
    state = { ...state, ...patch, updatedAt: now() };
    options.emit(state);
    return state;
  }

  function roomOf(roomCode: string) {
    let room = rooms.get(roomCode);
    if (!room) rooms.set(roomCode, (room = { info: null, self: null, users: null }));
    return room;
  }

  function teardown(tour: OpenTour): void {
    tour.ready = false;
    if (tour.holdsChannel) {
      tour.holdsChannel = false;
      options.live.disconnect(tour.roomCode, 'tour-view');
    }
    tour.host?.close();
    tour.host = null;
    const session = tour.session;
    tour.session = null;
    if (session) void options.server().then((server) => server.close(session.id));
  }

  /** Ends the tour in `failed` (or `closed` for a room that ended): its page goes, the reason stays. */
  function stop(tour: OpenTour, reason: TourFailureReason, detail?: string): void {
    if (current !== tour) return;
    teardown(tour);
    current = null;
    if (reason !== 'room-ended') log('tour stopped', { reason });
    publish({
      roomCode: tour.roomCode,
      phase: reason === 'room-ended' ? 'closed' : 'failed',
      failure: { reason, message: detail ? `${FAILURE_TEXT[reason]} ${detail}` : FAILURE_TEXT[reason] },
      leadership: null,
    });
  }

  async function start(tour: OpenTour): Promise<void> {
    const vrCode = await options.vrCodeFor(tour.roomCode).catch(() => null);
    if (current !== tour) return;
    if (!vrCode) return stop(tour, 'no-vr');
    tour.holdsChannel = true;
    const presence = options.live.connect(tour.roomCode, 'tour-view');
    if (current !== tour) return;
    onPresence(presence);
    if (current !== tour) return;
    let work: { work: Record<string, unknown>; resourceOrigins: string[] };
    let hostRole: string;
    try {
      work = await options.vrWork(vrCode);
      hostRole = await options.hostRole();
    } catch (error) {
      return stop(tour, 'work-unavailable', toAppError(error, '').message);
    }
    if (current !== tour) return;
    let session: TourSession;
    try {
      session = (await options.server()).open(work.resourceOrigins);
    } catch {
      return stop(tour, 'render-failed', 'Its page could not be served.');
    }
    if (current !== tour) return options.server().then((server) => server.close(session.id));
    tour.page = { work: work.work, resourceOrigins: work.resourceOrigins, hostRole };
    tour.session = session;
    const host = options.createHost({
      loadFailed: (description) => stop(tour, 'render-failed', `(${description.slice(0, 80)})`),
      gone: () => stop(tour, 'crashed'),
    });
    tour.host = host;
    host.setBounds(tour.bounds);
    host.setVisible(tour.visible);
    host.load(session.url);
  }

  function onPresence(presence: LivePresence): void {
    const tour = current;
    if (!tour || presence.roomCode !== tour.roomCode) return;
    switch (presence.connection) {
      case 'room-closed':
        return stop(tour, 'room-ended');
      case 'failed':
        return presence.reason === NOT_LIVE_REASON ? stop(tour, 'not-live') : stop(tour, 'channel-failed', presence.reason ?? undefined);
      case 'refused':
      case 'kicked':
      case 'replaced':
        return stop(tour, 'channel-failed', presence.reason ?? undefined);
      default:
        return;
    }
  }

  /** Sends one channel event to the page, through the page contract's schema (unknown fields dropped). */
  function forward(tour: OpenTour, event: LiveEvent, envelope: Pick<ServerEnvelope, 'trigger_user_id'>): void {
    const parsed = tourChannelMessageSchema.safeParse({ event, envelope: { trigger_user_id: envelope.trigger_user_id ?? null } });
    if (!parsed.success) return log('tour: a channel event was not passed to the page', { type: event.type });
    tour.host?.send('channelEvent', parsed.data);
  }

  function replay(tour: OpenTour): void {
    if (current !== tour || !tour.ready) return;
    const room = roomOf(tour.roomCode);
    const lastFrame = options.live.channel(tour.roomCode)?.lastFrame() ?? {};
    forward(tour, { type: 'ROOM_INFO', info: room.info?.info ?? { room_code: tour.roomCode }, lastFrame }, {});
    if (room.self) forward(tour, { type: 'SELF_USER_INFO', user: room.self }, {});
    if (room.users) forward(tour, { type: 'USER_LIST', users: room.users }, {});
  }

  function channelOf(roomCode: string) {
    const channel = options.live.channel(roomCode);
    if (!channel) throw new AppFailure({ kind: 'network', message: 'The room’s live channel is not connected.' });
    return channel;
  }

  /** Sends through the room's channel; a channel that is not connected is a network failure, not a crash. */
  function sendOn(roomCode: string, send: (channel: NonNullable<ReturnType<LiveChannels['channel']>>) => void): { sent: true } {
    const channel = channelOf(roomCode);
    try {
      send(channel);
    } catch (error) {
      throw new AppFailure({ kind: 'network', message: error instanceof Error ? error.message : 'Not sent.' });
    }
    return { sent: true };
  }

  const pageHandlers: TourPageHandlers = {
    async ready() {
      const tour = current;
      if (!tour || !tour.page || !tour.host) throw new AppFailure({ kind: 'not-found', message: 'No tour is open.' });
      tour.ready = true;
      // After the answer: the page subscribes before asking, and keeps events until it has its Work.
      setTimeout(() => replay(tour), 0);
      return {
        roomCode: tour.roomCode,
        hostRole: tour.page.hostRole,
        work: tour.page.work,
        resourceOrigins: tour.page.resourceOrigins,
        locale: tour.locale,
      };
    },
    async sendKeyframe({ frames }) {
      const tour = current;
      if (!tour?.ready) throw new AppFailure({ kind: 'not-found', message: 'No tour is open.' });
      return sendOn(tour.roomCode, (channel) => channel.sendKeyframe(frames));
    },
    async setSyncFramePermission({ userId, allowed }) {
      const tour = current;
      if (!tour?.ready) throw new AppFailure({ kind: 'not-found', message: 'No tour is open.' });
      return sendOn(tour.roomCode, (channel) => channel.setSyncFramePermission(userId, allowed));
    },
    async report(report: TourPageReport) {
      const tour = current;
      if (!tour?.ready) throw new AppFailure({ kind: 'not-found', message: 'No tour is open.' });
      if (report.phase === 'failed') {
        const reason = report.failure?.reason.replace(/[^a-z-]/g, '').slice(0, 32);
        stop(tour, 'render-failed', reason ? `(${reason})` : undefined);
        return { recorded: true as const };
      }
      const leadership = report.leadership
        ? { leaderId: report.leadership.leaderId, leading: report.leadership.leading, isHost: report.leadership.isHost }
        : state.leadership;
      publish({ phase: report.phase, leadership });
      return { recorded: true as const };
    },
  };

  return {
    state: (): TourState => state,

    open(roomCode: string, bounds: ViewerBounds, locale: TourLocale = 'en'): TourState {
      if (current && current.roomCode === roomCode) {
        current.bounds = bounds;
        current.host?.setBounds(bounds);
        return state;
      }
      if (current) teardown(current);
      const tour: OpenTour = {
        roomCode,
        locale,
        bounds,
        visible: true,
        session: null,
        host: null,
        page: null,
        ready: false,
        holdsChannel: false,
      };
      current = tour;
      publish({ roomCode, phase: 'loading', failure: null, leadership: null });
      void start(tour).catch((error: unknown) => {
        log('tour: opening failed unexpectedly', { error: error instanceof Error ? error.name : 'unknown' });
        stop(tour, 'render-failed');
      });
      return state;
    },

    setBounds(bounds: ViewerBounds, visible: boolean): boolean {
      if (!current) return false;
      current.bounds = bounds;
      current.visible = visible;
      current.host?.setBounds(bounds);
      current.host?.setVisible(visible);
      return true;
    },

    /** Leaves the tour: the page goes and its hold on the channel ends; the room stays open. */
    close(): TourState {
      const tour = current;
      if (!tour) return state;
      teardown(tour);
      current = null;
      return publish({ roomCode: tour.roomCode, phase: 'closed', failure: null, leadership: null });
    },

    /** Hand over / take back: the page's guided viewing sends the permission changes. */
    command(roomCode: string, command: TourCommand): boolean {
      const tour = current;
      if (!tour || tour.roomCode !== roomCode || !tour.ready || !tour.host) return false;
      tour.host.send('command', command);
      return true;
    },

    /** Every event of main's live channels (app-services feeds them all). */
    receive(roomCode: string, event: LiveEvent, envelope: ServerEnvelope): void {
      const room = roomOf(roomCode);
      if (event.type === 'ROOM_INFO') room.info = event;
      else if (event.type === 'SELF_USER_INFO') room.self = event.user;
      else if (event.type === 'USER_LIST') room.users = event.users;
      else if (event.type !== 'KEYFRAME_SYNC') return;
      const tour = current;
      if (tour && tour.roomCode === roomCode && tour.ready) forward(tour, event, envelope);
    },

    /** Every presence change of main's live channels: a room that ended ends its tour. */
    presence: onPresence,

    pageHandlers,
    /** Whether a tour page is open now (the Electron glue hears its page only while one is). */
    isOpen: (): boolean => current?.host != null,

    dispose(): void {
      if (current) teardown(current);
      current = null;
      rooms.clear();
    },
  };
}

export type TourController = ReturnType<typeof createTourController>;
