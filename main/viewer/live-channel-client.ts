import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { livePresenceSchema } from '../../common/contract/viewer';
import { LIVE_CHANNEL_BACKOFF, reconnectDelay, type BackoffPolicy } from './backoff';
import {
  isRoomCloseEvent,
  isSuccess,
  parseLiveMessage,
  presenceChanges,
  readLiveUser,
  readRoomStatus,
  readRtcInfo,
  readUserList,
  roomCloseCommand,
  type LiveMessage,
} from './live-protocol';
import type { LiveSocket, LiveSocketFactory } from './live-socket';

export type LivePresence = z.output<typeof livePresenceSchema>;

/**
 * Close codes the sandbox uses (Realsee's are undocumented; any other code counts as a drop):
 * 4403 ticket refused · 4404 room not found · 4409 another session of this user took over ·
 * 4410 room closed.
 */
export const LIVE_CLOSE = { ticketRefused: 4403, roomNotFound: 4404, replaced: 4409, roomClosed: 4410 } as const;

const ROOM_CLOSED_STATUS = 2;
const END_ROOM_TIMEOUT_MS = 5_000;

/** A ticket failure that retrying cannot fix (the room has no live channel link). */
export class PermanentLiveChannelError extends Error {
  override readonly name = 'PermanentLiveChannelError';
}

export interface LiveChannelClientOptions {
  roomCode: string;
  /** A fresh single-use ticket appended to the room's ws(s) link; `force` takes over an older session. */
  ticketLink(force: boolean): Promise<string>;
  socketFactory: LiveSocketFactory;
  onPresence(presence: LivePresence): void;
  policy?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
}

/**
 * One room's live channel: connects with a fresh ticket, keeps presence from ROOM_INFO,
 * SELF_USER_INFO, USER_LIST and RTC_INFO, reconnects after a drop with a new ticket and
 * exponential backoff, and can close the room for everyone.
 */
export function createLiveChannelClient(options: LiveChannelClientOptions) {
  const now = options.now ?? Date.now;
  const policy = options.policy ?? LIVE_CHANNEL_BACKOFF;
  let presence: LivePresence = {
    roomCode: options.roomCode,
    connection: 'disconnected',
    self: null,
    users: [],
    voice: null,
    changes: [],
    reconnect: null,
    reason: null,
    updatedAt: now(),
  };
  let socket: LiveSocket | null = null;
  /** Bumped for every socket; events of older sockets are ignored. */
  let generation = 0;
  let running = false;
  let failedAttempts = 0;
  let refusalRetried = false;
  let hasUserList = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closeWaiters: Array<() => void> = [];

  function publish(patch: Partial<LivePresence>): void {
    presence = { ...presence, changes: [], ...patch, updatedAt: now() };
    options.onPresence(presence);
  }

  function stop(patch: Partial<LivePresence>): void {
    running = false;
    generation += 1;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const current = socket;
    socket = null;
    current?.close(1000, 'client closing');
    publish({ reconnect: null, ...patch });
    if (patch.connection === 'room-closed') for (const resolve of closeWaiters.splice(0)) resolve();
  }

  async function openSocket(force: boolean): Promise<void> {
    const socketGeneration = ++generation;
    publish({ connection: failedAttempts > 0 || force ? 'reconnecting' : 'connecting', reconnect: null });
    let url: string;
    try {
      url = await options.ticketLink(force);
    } catch (error) {
      if (socketGeneration !== generation || !running) return;
      if (error instanceof PermanentLiveChannelError) return stop({ connection: 'failed', reason: error.message });
      scheduleReconnect(error instanceof Error ? error.message : 'no ticket');
      return;
    }
    if (socketGeneration !== generation || !running) return;
    socket = options.socketFactory(url, {
      onOpen: () => undefined,
      onMessage: (text) => {
        if (socketGeneration === generation) onMessage(text);
      },
      onClose: (code, reason) => {
        if (socketGeneration === generation) onClose(code, reason);
      },
    });
  }

  function onMessage(text: string): void {
    const message = parseLiveMessage(text);
    if (message === null) return;
    if (isRoomCloseEvent(message)) return stop({ connection: 'room-closed', reason: null });
    if (!isSuccess(message)) {
      publish({ reason: message.message || message.code });
      return;
    }
    handleCommand(message);
  }

  function handleCommand(message: LiveMessage): void {
    switch (message.command) {
      case 'ROOM_INFO':
        if (readRoomStatus(message.data) === ROOM_CLOSED_STATUS) return stop({ connection: 'room-closed', reason: null });
        failedAttempts = 0;
        refusalRetried = false;
        return publish({ connection: 'connected', reason: null, reconnect: null });
      case 'SELF_USER_INFO':
        return publish({ self: readLiveUser(message.data) });
      case 'USER_LIST': {
        const users = readUserList(message.data);
        if (users === null) return;
        // The first list of the app's first connection is the room as found, not a change.
        const changes = hasUserList ? presenceChanges(presence.users, users).filter((change) => change.user.userId !== presence.self?.userId) : [];
        hasUserList = true;
        return publish({ users, changes });
      }
      case 'RTC_INFO':
        return publish({ voice: readRtcInfo(message.data) });
      default:
        return;
    }
  }

  function onClose(code: number, reason: string): void {
    socket = null;
    if (!running) return;
    if (code === LIVE_CLOSE.roomClosed) return stop({ connection: 'room-closed', reason: null });
    if (code === LIVE_CLOSE.replaced) return stop({ connection: 'disconnected', reason: 'replaced' });
    if (code === LIVE_CLOSE.roomNotFound) return stop({ connection: 'failed', reason: reason || 'room-not-found' });
    if (code === LIVE_CLOSE.ticketRefused) {
      // A refused ticket is never retried; one fresh ticket is worth a try, a second refusal is final.
      if (refusalRetried) return stop({ connection: 'refused', reason: reason || 'ticket refused' });
      refusalRetried = true;
      void openSocket(true);
      return;
    }
    scheduleReconnect(reason || `connection closed (${code})`);
  }

  function scheduleReconnect(reason: string): void {
    failedAttempts += 1;
    const delay = reconnectDelay(failedAttempts, policy, options.random);
    if (delay === null) return stop({ connection: 'failed', reason });
    publish({ connection: 'reconnecting', reason, reconnect: { attempt: failedAttempts, at: now() + delay } });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (running) void openSocket(true);
    }, delay);
  }

  return {
    presence: (): LivePresence => presence,

    connect(): LivePresence {
      if (running) return presence;
      running = true;
      failedAttempts = 0;
      refusalRetried = false;
      void openSocket(false);
      return presence;
    },

    disconnect(): LivePresence {
      if (running) stop({ connection: 'disconnected', reason: null });
      return presence;
    },

    /** Sends the close command and resolves when the server confirms the room is closed. */
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
        sent.send(roomCloseCommand(randomUUID()));
      });
    },
  };
}

export type LiveChannelClient = ReturnType<typeof createLiveChannelClient>;
