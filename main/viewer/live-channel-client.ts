import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  builtinActions,
  builtinEvents,
  changeMicroStatusMessage,
  changePermissionMessage,
  closeRoomMessage,
  customEventMessage,
  isOnline,
  KICK_OUT,
  keyframeMessage,
  kickMessage,
  maySyncFrame,
  microphoneOf,
  nicknameOf,
  parseServerFrame,
  standingOf,
  type ClientMessage,
  type LiveEvent,
  type ServerEnvelope,
  type UserInfo,
} from '../../common/live-protocol';
import type { livePresenceSchema, liveUserSchema } from '../../common/contract/viewer';
import { LIVE_CHANNEL_BACKOFF, reconnectDelay, type BackoffPolicy } from './backoff';
import type { LiveSocket, LiveSocketFactory } from './live-socket';

export type LivePresence = z.output<typeof livePresenceSchema>;
export type LiveUser = z.output<typeof liveUserSchema>;

/** At most this many tickets are spent on one room's channel in any minute, whatever happens. */
export const LIVE_TICKETS_PER_MINUTE = 4;
/** A connection that lasted this long counts as healthy: the next drop starts the backoff afresh. */
export const LIVE_STABLE_MS = 30_000;
/** Connections closed before the room let us in, in a row, before the client stops as refused. */
const REFUSALS_BEFORE_STOP = 2;
const TICKET_WINDOW_MS = 60_000;
const END_ROOM_TIMEOUT_MS = 5_000;
const MAX_LOGGED_PROBLEMS = 20;

/** A failure that retrying cannot fix (no live channel link, the gateway refuses the room). */
export class PermanentLiveChannelError extends Error {
  override readonly name = 'PermanentLiveChannelError';
}

export type RoomCheck = 'open' | 'closed';

export interface LiveChannelClientOptions {
  roomCode: string;
  /** A fresh single-use ticket appended to the room's ws(s) link with `force=1`. */
  ticketLink(): Promise<string>;
  /** The room as the gateway's details see it; asked after every drop, before another ticket is spent. */
  checkRoom(): Promise<RoomCheck>;
  socketFactory: LiveSocketFactory;
  onPresence(presence: LivePresence): void;
  /** Every parsed event (keyframes, custom events, built-ins…) for features built on the channel. */
  onEvent?(event: LiveEvent, envelope: ServerEnvelope): void;
  /** Problems worth a log line (bad frames, refusals); never carries a URL or a ticket. */
  log?(message: string, fields?: Record<string, unknown>): void;
  policy?: BackoffPolicy;
  ticketsPerMinute?: number;
  stableMs?: number;
  random?: () => number;
  now?: () => number;
}

/**
 * One room's live channel (common/live-protocol.ts). Connects with a fresh ticket and `force=1`,
 * keeps presence from SELF_USER_INFO, USER_LIST and RTC_INFO, and sends keyframes, custom events
 * and the built-ins. The service has no app close codes, so after any drop it asks the gateway for
 * the room's details first: a closed room stops it; otherwise it reconnects with backoff and a new
 * ticket. Room closed, kicked, replaced and repeated refusal are final; attempts only reset after a
 * connection stayed up for `stableMs`, and tickets per minute are capped, so a flapping room ends.
 */
export function createLiveChannelClient(options: LiveChannelClientOptions) {
  const now = options.now ?? Date.now;
  const policy = options.policy ?? LIVE_CHANNEL_BACKOFF;
  const ticketsPerMinute = options.ticketsPerMinute ?? LIVE_TICKETS_PER_MINUTE;
  const stableMs = options.stableMs ?? LIVE_STABLE_MS;
  const log = options.log ?? (() => undefined);
  let presence: LivePresence = {
    roomCode: options.roomCode,
    connection: 'disconnected',
    self: null,
    users: [],
    voice: null,
    leaderId: null,
    changes: [],
    reconnect: null,
    reason: null,
    updatedAt: now(),
  };
  let socket: LiveSocket | null = null;
  /** Bumped for every socket and every stop; callbacks of an older generation are ignored. */
  let generation = 0;
  let running = false;
  let attempts = 0;
  let refusals = 0;
  let hasUserList = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closeWaiters: Array<() => void> = [];
  let ticketTimes: number[] = [];
  /** The current socket: did it open, did the room let us in (ROOM_INFO), since when. */
  let opened = false;
  let connectedAt: number | null = null;
  let refusalText: string | null = null;
  let lastFrame: Record<string, unknown> = {};
  const loggedProblems = new Set<string>();

  function publish(patch: Partial<LivePresence>): void {
    presence = { ...presence, changes: [], ...patch, updatedAt: now() };
    options.onPresence(presence);
  }

  function clearTimer(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function stop(patch: Partial<LivePresence>): void {
    running = false;
    generation += 1;
    clearTimer();
    const current = socket;
    socket = null;
    current?.close(1000, 'client closing');
    publish({ reconnect: null, ...patch });
    if (patch.connection === 'room-closed') for (const resolve of closeWaiters.splice(0)) resolve();
  }

  function logOnce(problem: string, fields: Record<string, unknown> = {}): void {
    if (loggedProblems.has(problem) || loggedProblems.size >= MAX_LOGGED_PROBLEMS) return;
    loggedProblems.add(problem);
    log(`live channel: ${problem}`, { roomCode: options.roomCode, ...fields });
  }

  /** How long until the per-minute ticket cap allows another ticket (0 = now). */
  function ticketCapWait(): number {
    const cutoff = now() - TICKET_WINDOW_MS;
    ticketTimes = ticketTimes.filter((at) => at > cutoff);
    return ticketTimes.length < ticketsPerMinute ? 0 : ticketTimes[0]! + TICKET_WINDOW_MS - now();
  }

  async function openSocket(): Promise<void> {
    const socketGeneration = ++generation;
    const capWait = ticketCapWait();
    if (capWait > 0) {
      publish({ connection: 'reconnecting', reason: 'ticket-limit', reconnect: { attempt: Math.max(1, attempts), at: now() + capWait } });
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (running && socketGeneration === generation) void openSocket();
      }, capWait);
      return;
    }
    publish({ connection: attempts > 0 ? 'reconnecting' : 'connecting', reconnect: null });
    ticketTimes.push(now());
    let url: string;
    try {
      url = await options.ticketLink();
    } catch (error) {
      if (socketGeneration !== generation || !running) return;
      if (error instanceof PermanentLiveChannelError) return stop({ connection: 'failed', reason: error.message });
      // A refused ticket may mean the room closed: the details tell before anything is retried.
      return void recheck(error instanceof Error ? error.message : 'no ticket');
    }
    if (socketGeneration !== generation || !running) return;
    opened = false;
    connectedAt = null;
    refusalText = null;
    try {
      socket = options.socketFactory(url, {
        onOpen: () => {
          if (socketGeneration === generation) opened = true;
        },
        onMessage: (text) => {
          if (socketGeneration === generation) onMessage(text);
        },
        onClose: (code, reason) => {
          if (socketGeneration === generation) onDrop(code, reason);
        },
      });
    } catch (error) {
      // A link the socket cannot even try (malformed): retrying with a new ticket would not help.
      stop({
        connection: 'failed',
        reason: `The room link could not be opened: ${error instanceof Error ? error.message : 'invalid link'}`,
      });
    }
  }

  function onMessage(text: string): void {
    const parsed = parseServerFrame(text, { roomCode: options.roomCode });
    if (!parsed.ok) return logOnce(`frame skipped: ${parsed.problem}`);
    const { event, envelope } = parsed.frame;
    handleEvent(event, envelope);
    if (running) options.onEvent?.(event, envelope);
  }

  function handleEvent(event: LiveEvent, envelope: ServerEnvelope): void {
    switch (event.type) {
      case 'ROOM_INFO':
        if (event.info.close_time) return stop({ connection: 'room-closed', reason: null });
        connectedAt = now();
        refusals = 0;
        lastFrame = { ...event.lastFrame };
        return publish({ connection: 'connected', reason: null, reconnect: null });
      case 'SELF_USER_INFO': {
        const standing = standingOf(event.user);
        if (standing === 'replaced') return stop({ connection: 'replaced', reason: null });
        if (standing === 'removed') return stop({ connection: 'kicked', reason: null });
        return publish({ self: liveUser(event.user) });
      }
      case 'USER_LIST':
        return onUserList(event.users);
      case 'RTC_INFO':
        return publish({ voice: { voiceId: event.voiceId, type: event.vendor } });
      case 'BUILTIN_MSG':
        if (event.eventType === builtinEvents.roomChange && event.action === builtinActions.close)
          return stop({ connection: 'room-closed', reason: null });
        if (isKickOf(event, presence.self?.userId)) return stop({ connection: 'kicked', reason: null });
        return;
      case 'KEYFRAME_SYNC':
        lastFrame = { ...lastFrame, ...event.frames };
        if (envelope.trigger_user_id && envelope.trigger_user_id !== presence.leaderId) publish({ leaderId: envelope.trigger_user_id });
        return;
      case 'USER_KICK_OUT':
        if (event.user !== null && presence.self !== null && event.user.id !== presence.self.userId) return;
        return stop({ connection: event.user !== null && standingOf(event.user) === 'replaced' ? 'replaced' : 'kicked', reason: null });
      case 'REFUSED':
        if (connectedAt === null) refusalText = event.message || event.code;
        logOnce(`${event.command || 'frame'} refused: ${event.code}`, { message: event.message });
        return publish({ reason: event.message || event.code });
      case 'UNKNOWN':
        return logOnce(`unknown command kept: ${event.command}`);
      case 'CUSTOM_EVENT':
        return;
    }
  }

  function onUserList(list: UserInfo[]): void {
    const users = list.filter((user) => standingOf(user) === 'normal' && isOnline(user) !== false).map(liveUser);
    const selfId = presence.self?.userId;
    const self = selfId === undefined ? null : (users.find((user) => user.userId === selfId) ?? presence.self);
    // The first list of the app's first connection is the room as found, not a change.
    const changes = hasUserList ? presenceChanges(presence.users, users).filter((change) => change.user.userId !== selfId) : [];
    hasUserList = true;
    publish({ users, self, changes });
  }

  function onDrop(code: number, reason: string): void {
    socket = null;
    if (!running) return;
    const wasConnected = connectedAt !== null;
    if (wasConnected && now() - connectedAt! >= stableMs) attempts = 0;
    const refused = !wasConnected && (opened || code === 1008 || refusalText !== null);
    if (refused) refusals += 1;
    const why = refused
      ? refusalText || reason || 'the room closed the connection before letting us in'
      : reason || `connection closed (${code})`;
    connectedAt = null;
    void recheck(why);
  }

  /** Asks the gateway about the room before spending another ticket. */
  async function recheck(reason: string): Promise<void> {
    const checkGeneration = ++generation;
    publish({ connection: 'reconnecting', reason, reconnect: null });
    let room: RoomCheck;
    try {
      room = await options.checkRoom();
    } catch (error) {
      if (checkGeneration !== generation || !running) return;
      if (error instanceof PermanentLiveChannelError) return stop({ connection: 'failed', reason: error.message });
      return scheduleRetry(reason, 'check');
    }
    if (checkGeneration !== generation || !running) return;
    if (room === 'closed') return stop({ connection: 'room-closed', reason: null });
    if (refusals >= REFUSALS_BEFORE_STOP) return stop({ connection: 'refused', reason });
    scheduleRetry(reason, 'connect');
  }

  function scheduleRetry(reason: string, next: 'check' | 'connect'): void {
    attempts += 1;
    const backoff = reconnectDelay(attempts, policy, options.random);
    if (backoff === null) return stop({ connection: 'failed', reason: `gave up after ${attempts - 1} attempts: ${reason}` });
    const delay = next === 'connect' ? Math.max(backoff, ticketCapWait()) : backoff;
    const retryGeneration = ++generation;
    publish({ connection: 'reconnecting', reason, reconnect: { attempt: attempts, at: now() + delay } });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!running || retryGeneration !== generation) return;
      if (next === 'check') void recheck(reason);
      else void openSocket();
    }, delay);
  }

  function send(message: ClientMessage): void {
    if (!socket || presence.connection !== 'connected') throw new Error('The live channel is not connected.');
    socket.send(JSON.stringify(message));
  }

  return {
    presence: (): LivePresence => presence,

    /** The latest keyframes seen or sent to everyone (ROOM_INFO `last_frame`, then every KEYFRAME_SYNC), by key. */
    lastFrame: (): Record<string, unknown> => ({ ...lastFrame }),

    connect(): LivePresence {
      if (running) return presence;
      running = true;
      attempts = 0;
      refusals = 0;
      void openSocket();
      return presence;
    },

    disconnect(): LivePresence {
      if (running) stop({ connection: 'disconnected', reason: null });
      return presence;
    },

    /** View sync: `{FiveState: {...}}` to everyone (or `toUserIds`). */
    sendKeyframe(frames: Record<string, unknown>, toUserIds: readonly string[] = []): void {
      send(keyframeMessage(randomUUID(), frames, toUserIds));
      // The room keeps what it relays as last_frame; so does this client (the server does not echo it back).
      if (toUserIds.length === 0) lastFrame = { ...lastFrame, ...frames };
      if (presence.self) publish({ leaderId: presence.self.userId });
    },

    sendCustomEvent(eventId: string, data: unknown, toUserIds: readonly string[] = []): void {
      send(customEventMessage(randomUUID(), eventId, data, toUserIds));
    },

    kick(userId: string): void {
      send(kickMessage(randomUUID(), userId));
    },

    setSyncFramePermission(userId: string, allowed: boolean): void {
      send(changePermissionMessage(randomUUID(), userId, { sync_frame: allowed }));
    },

    /** Opens or closes the agent's own microphone state, or (as host) another user's. */
    setMicrophone(open: boolean, userId?: string): void {
      send(changeMicroStatusMessage(randomUUID(), open, userId));
    },

    /** Sends the close built-in and resolves once the room is known closed (echo, or details after the drop). */
    endRoom(): Promise<void> {
      if (!socket || presence.connection !== 'connected') {
        return Promise.reject(new Error('The live channel is not connected.'));
      }
      const sent = socket;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          closeWaiters = closeWaiters.filter((waiter) => waiter !== done);
          reject(new Error('The room did not confirm that it closed.'));
        }, END_ROOM_TIMEOUT_MS);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        closeWaiters.push(done);
        sent.send(JSON.stringify(closeRoomMessage(randomUUID())));
      });
    },
  };
}

export type LiveChannelClient = ReturnType<typeof createLiveChannelClient>;

function liveUser(user: UserInfo): LiveUser {
  return {
    userId: user.id,
    nickname: nicknameOf(user),
    role: user.user_role || null,
    online: isOnline(user),
    microphone: microphoneOf(user),
    maySyncFrame: maySyncFrame(user),
  };
}

function isKickOf(event: Extract<LiveEvent, { type: 'BUILTIN_MSG' }>, selfId: string | undefined): boolean {
  if (selfId === undefined || event.eventType !== builtinEvents.userChange || event.action !== builtinActions.changeStatus) return false;
  const status = typeof event.payload === 'object' && event.payload !== null ? (event.payload as { status?: unknown }).status : undefined;
  return status === KICK_OUT && event.toUserIds.includes(selfId);
}

/** Who joined and who left between two user lists. */
export function presenceChanges(
  before: readonly LiveUser[],
  after: readonly LiveUser[],
): Array<{ kind: 'joined' | 'left'; user: LiveUser }> {
  const ids = (users: readonly LiveUser[]) => new Set(users.map((user) => user.userId));
  const beforeIds = ids(before);
  const afterIds = ids(after);
  return [
    ...after.filter((user) => !beforeIds.has(user.userId)).map((user) => ({ kind: 'joined' as const, user })),
    ...before.filter((user) => !afterIds.has(user.userId)).map((user) => ({ kind: 'left' as const, user })),
  ];
}
