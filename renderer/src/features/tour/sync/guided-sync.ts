import {
  FIVE_STATE_KEY,
  isOnline,
  maySyncFrame,
  standingOf,
  type LiveEvent,
  type ServerEnvelope,
  type UserInfo,
} from '../../../../../common/live-protocol';
import { sanitizeViewState, type TourViewState } from '../engine/view-state';

/** At most one keyframe per this many milliseconds; the latest state of a burst is always sent last. */
export const KEYFRAME_INTERVAL_MS = 100;

/** The part of the tour engine guided viewing drives (see ../engine/tour-engine.ts). */
export interface SyncedView {
  /** Must not report the change back through `onUserStateChange`. */
  setState(state: Partial<TourViewState>, options?: { animate?: boolean }): void;
  onUserStateChange(listener: (state: TourViewState) => void): () => void;
}

/** The part of a live channel client guided viewing sends through (main's client, or a page's own). */
export interface SyncChannel {
  sendKeyframe(frames: Record<string, unknown>): void;
  setSyncFramePermission(userId: string, allowed: boolean): void;
}

export interface SyncTimer {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimer: SyncTimer = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface GuidedSyncOptions {
  view: SyncedView;
  channel: SyncChannel;
  /** The room's host role name (the profile's, e.g. `anchor`). */
  hostRole: string;
  intervalMs?: number;
  timer?: SyncTimer;
  /** Keyframes skipped and sends that failed; one line each, never the frame itself. */
  log?(message: string): void;
}

export interface Leadership {
  selfId: string | null;
  /** Who drives the view now: the host, or the one guest the host handed control to; null when unknown. */
  leaderId: string | null;
  /** True when this participant is the leader and may send keyframes. */
  leading: boolean;
  /** True when this participant is the room's host (and so may hand control over). */
  isHost: boolean;
}

/**
 * Guided viewing over the live channel, as Realsee's own clients do it: the leader sends its whole
 * view state as the `FiveState` keyframe on every change its user makes (throttled, the latest state
 * always sent), followers apply each changed key with an animated, not-a-user-action `setState`, and
 * a late joiner jumps to the room's `last_frame`.
 *
 * Who leads is read from the user list's `permission.sync_frame`: the host while its own permission
 * is on; when the host has turned its own off, the guest it left on (the first one in the list if
 * several are on; the host turns any other back off). Nobody else sends, whatever the server allows.
 * Feed every channel event to `receive`; the module has no Node, DOM or bridge dependency.
 */
export function createGuidedSync(options: GuidedSyncOptions) {
  const { view, channel, hostRole } = options;
  const interval = options.intervalMs ?? KEYFRAME_INTERVAL_MS;
  const timer = options.timer ?? systemTimer;
  const log = options.log ?? (() => undefined);

  let self: UserInfo | null = null;
  let users: UserInfo[] = [];
  let leadership: Leadership = { selfId: null, leaderId: null, leading: false, isHost: false };
  const leadershipListeners = new Set<(leadership: Leadership) => void>();
  /** The guest this host handed control to, so any other guest left with `sync_frame` is turned off. */
  let designatedGuest: string | null = null;
  const correcting = new Set<string>();

  let pending: TourViewState | null = null;
  let trailing: unknown = null;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let lastSent: string | null = null;
  /** Canonical JSON of the last value applied per keyframe key. */
  const lastApplied = new Map<string, string>();
  let latestState: Partial<TourViewState> | null = null;
  let disposed = false;

  const stopListening = view.onUserStateChange((state) => onUserChange(state));

  function onUserChange(state: TourViewState): void {
    if (disposed || !leadership.leading) return;
    pending = state;
    if (trailing !== null) return;
    const wait = lastSentAt + interval - timer.now();
    if (wait <= 0) return flush();
    trailing = timer.setTimeout(() => {
      trailing = null;
      flush();
    }, wait);
  }

  function flush(): void {
    const state = pending;
    pending = null;
    if (state === null || disposed || !leadership.leading) return;
    const text = canonicalJson(state);
    if (text === lastSent) return;
    try {
      channel.sendKeyframe({ [FIVE_STATE_KEY]: state });
    } catch (error) {
      log(`guided viewing: keyframe not sent: ${error instanceof Error ? error.message : 'send failed'}`);
      return;
    }
    lastSent = text;
    lastSentAt = timer.now();
    latestState = state;
  }

  function cancelSending(): void {
    pending = null;
    if (trailing !== null) timer.clearTimeout(trailing);
    trailing = null;
  }

  function applyFrames(frames: Record<string, unknown>, animate: boolean): void {
    for (const [key, value] of Object.entries(frames)) {
      if (key !== FIVE_STATE_KEY) {
        lastApplied.set(key, canonicalJson(value));
        continue;
      }
      if (!isPlainObject(value)) {
        log(`guided viewing: ${FIVE_STATE_KEY} keyframe skipped: not an object`);
        continue;
      }
      const clean = sanitizeViewState(value);
      if (Object.keys(clean).length === 0) {
        log(`guided viewing: ${FIVE_STATE_KEY} keyframe skipped: nothing usable`);
        continue;
      }
      const text = canonicalJson(clean);
      if (lastApplied.get(key) === text) continue;
      lastApplied.set(key, text);
      latestState = { ...latestState, ...clean };
      // What this participant sends next must not be compared with a state it did not send.
      lastSent = null;
      view.setState(clean, { animate });
    }
  }

  function updateLeadership(): void {
    const selfId = self?.id ?? null;
    const present = mergeSelf(users, self).filter((user) => standingOf(user) === 'normal' && isOnline(user) !== false);
    const host = present.find((user) => user.user_role === hostRole);
    let leaderId: string | null = null;
    if (host !== undefined) {
      leaderId = maySyncFrame(host)
        ? host.id
        : ((
            present.find((user) => user.id === designatedGuest && maySyncFrame(user)) ??
            present.find((user) => user.user_role !== hostRole && maySyncFrame(user))
          )?.id ?? null);
    }
    const isHost = self !== null && self.user_role === hostRole;
    const next: Leadership = { selfId, leaderId, leading: selfId !== null && leaderId === selfId, isHost };
    if (isHost) keepOneGuestLeading(present, host);
    if (
      next.selfId === leadership.selfId &&
      next.leaderId === leadership.leaderId &&
      next.leading === leadership.leading &&
      next.isHost === leadership.isHost
    )
      return;
    const wasLeading = leadership.leading;
    leadership = next;
    if (wasLeading && !next.leading) cancelSending();
    if (!wasLeading && next.leading) lastSent = null;
    for (const listener of [...leadershipListeners]) listener(leadership);
  }

  /** As host, after a hand-over: any guest but the chosen one that still may send is turned off. */
  function keepOneGuestLeading(present: UserInfo[], host: UserInfo | undefined): void {
    if (designatedGuest === null || host === undefined || maySyncFrame(host)) return;
    for (const user of present) {
      if (user.user_role === hostRole || user.id === designatedGuest) continue;
      if (!maySyncFrame(user)) {
        correcting.delete(user.id);
        continue;
      }
      if (!correcting.has(user.id) && setPermission(user.id, false)) correcting.add(user.id);
    }
  }

  function setPermission(userId: string, allowed: boolean): boolean {
    try {
      channel.setSyncFramePermission(userId, allowed);
      return true;
    } catch (error) {
      log(`guided viewing: permission not changed: ${error instanceof Error ? error.message : 'send failed'}`);
      return false;
    }
  }

  function requireHost(): string {
    if (self === null || self.user_role !== hostRole) throw new Error('Only the host can hand over control of the view.');
    return self.id;
  }

  return {
    /** Every event of the live channel, with its envelope (who triggered it). */
    receive(event: LiveEvent, envelope: Pick<ServerEnvelope, 'trigger_user_id'> = {}): void {
      if (disposed) return;
      switch (event.type) {
        case 'SELF_USER_INFO':
          self = event.user;
          return updateLeadership();
        case 'USER_LIST':
          users = event.users;
          return updateLeadership();
        case 'ROOM_INFO':
          // A leader's own view is newer than what the room kept of it (after a reconnect).
          if (!leadership.leading) applyFrames(event.lastFrame, false);
          return;
        case 'KEYFRAME_SYNC': {
          const from = envelope.trigger_user_id || null;
          if (from !== null && from === self?.id) return;
          if (leadership.leading) return;
          if (from !== null && leadership.leaderId !== null && from !== leadership.leaderId) return;
          return applyFrames(event.frames, true);
        }
        default:
          return;
      }
    },

    /** The room's `last_frame` as already received (a tour opened after the channel connected): a jump. */
    applyLastFrame(frames: Record<string, unknown>): void {
      if (!disposed && !leadership.leading) applyFrames(frames, false);
    },

    /** The view state to open the VR in: the latest received or sent, or null before any. */
    startState: (): Partial<TourViewState> | null => (latestState === null ? null : { ...latestState }),

    leadership: (): Leadership => leadership,

    onLeadershipChange(listener: (leadership: Leadership) => void): () => void {
      leadershipListeners.add(listener);
      return () => void leadershipListeners.delete(listener);
    },

    /** Host only: the guest drives the view, the host follows. */
    handOver(guestId: string): void {
      const hostId = requireHost();
      if (guestId === hostId) return this.takeBack();
      const previous = designatedGuest;
      designatedGuest = guestId;
      correcting.clear();
      setPermission(guestId, true);
      if (previous !== null && previous !== guestId) setPermission(previous, false);
      setPermission(hostId, false);
    },

    /** Host only: the host drives the view again; the guest who led may no longer send. */
    takeBack(): void {
      const hostId = requireHost();
      const previous = designatedGuest ?? leadership.leaderId;
      designatedGuest = null;
      correcting.clear();
      setPermission(hostId, true);
      if (previous !== null && previous !== hostId) setPermission(previous, false);
    },

    dispose(): void {
      if (disposed) return;
      disposed = true;
      cancelSending();
      stopListening();
      leadershipListeners.clear();
    },
  };
}

export type GuidedSync = ReturnType<typeof createGuidedSync>;

/** The user list, with this participant's own info added when the list does not have it yet (the list is newer). */
function mergeSelf(users: UserInfo[], self: UserInfo | null): UserInfo[] {
  return self === null || users.some((user) => user.id === self.id) ? users : [...users, self];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so equal states compare equal whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isPlainObject(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, inner[key]]),
        )
      : inner,
  );
}
