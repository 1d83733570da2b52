import { describe, expect, it } from 'vitest';
import { FIVE_STATE_KEY, type LiveEvent, type UserInfo } from '../../../common/live-protocol';
import type { TourViewState } from '../../../renderer/src/features/tour/engine/view-state';
import { createGuidedSync, type SyncTimer } from '../../../renderer/src/features/tour/sync';

const HOST = 'agent-1';
const GUEST = 'guest-1';
const OTHER = 'guest-2';

function viewState(longitude: number, patch: Partial<TourViewState> = {}): TourViewState {
  return {
    mode: 'Panorama',
    panoIndex: 0,
    longitude,
    latitude: -0.0168,
    fov: 105,
    workCode: 'work-1',
    offset: { x: -0.877, y: -0.071, z: -0.679 },
    distance: 0,
    ...patch,
  };
}

/** A clock that only moves when told, running due callbacks in time order. */
function manualTimer() {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  const timer: SyncTimer = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      due.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
  };
  return {
    timer,
    pending: () => due.size,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, entry]) => entry.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (next === undefined) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].callback();
      }
      now = until;
    },
  };
}

function user(id: string, role: string, syncFrame = true): UserInfo {
  return { id, user_role: role, current_ws_online: true, status: 0, permission: { sync_frame: syncFrame } };
}

function room(selfId: string, options: { hostSync?: boolean; guestSync?: boolean; otherSync?: boolean } = {}) {
  const clock = manualTimer();
  const sent: Array<Record<string, unknown>> = [];
  const permissions: Array<[string, boolean]> = [];
  const applied: Array<{ state: Partial<TourViewState>; animate: boolean | undefined }> = [];
  const logged: string[] = [];
  let userListener: ((state: TourViewState) => void) | null = null;
  let failSends = false;
  let failPermissions = false;
  const sync = createGuidedSync({
    view: {
      setState: (state, opts) => applied.push({ state, animate: opts?.animate }),
      onUserStateChange(listener) {
        userListener = listener;
        return () => (userListener = null);
      },
    },
    channel: {
      sendKeyframe(frames) {
        if (failSends) throw new Error('The live channel is not connected.');
        sent.push(frames);
      },
      setSyncFramePermission(userId, allowed) {
        if (failPermissions) throw new Error('The live channel is not connected.');
        permissions.push([userId, allowed]);
      },
    },
    hostRole: 'anchor',
    timer: clock.timer,
    log: (message) => logged.push(message),
  });
  const users = (hostSync = true, guestSync = true, otherSync = true) => [
    user(HOST, 'anchor', hostSync),
    user(GUEST, 'audience', guestSync),
    user(OTHER, 'audience', otherSync),
  ];
  const list = (hostSync?: boolean, guestSync?: boolean, otherSync?: boolean) =>
    sync.receive({ type: 'USER_LIST', users: users(hostSync, guestSync, otherSync) });
  const me = users(options.hostSync, options.guestSync, options.otherSync).find((entry) => entry.id === selfId)!;
  sync.receive({ type: 'SELF_USER_INFO', user: me });
  list(options.hostSync, options.guestSync, options.otherSync);
  const keyframe = (from: string, frames: Record<string, unknown>) =>
    sync.receive({ type: 'KEYFRAME_SYNC', frames, toUserIds: [] } satisfies LiveEvent, { trigger_user_id: from });
  return {
    sync,
    clock,
    sent,
    sentStates: () => sent.map((frames) => frames[FIVE_STATE_KEY] as TourViewState),
    permissions,
    applied,
    logged,
    list,
    keyframe,
    userMoves: (state: TourViewState) => userListener?.(state),
    failSends: (fail: boolean) => (failSends = fail),
    failPermissions: (fail: boolean) => (failPermissions = fail),
    hasListener: () => userListener !== null,
  };
}

describe('guided viewing: the leader', () => {
  it('sends the first change at once, then at most one keyframe per 100 ms with the latest state of a burst last', () => {
    const host = room(HOST);
    expect(host.sync.leadership()).toMatchObject({ selfId: HOST, leaderId: HOST, leading: true, isHost: true });
    host.userMoves(viewState(0.1));
    expect(host.sentStates().map((state) => state.longitude)).toEqual([0.1]);
    for (let step = 2; step <= 9; step += 1) {
      host.clock.advance(10);
      host.userMoves(viewState(step / 10));
    }
    // 80 ms after the first send: nothing more yet.
    expect(host.sent).toHaveLength(1);
    host.clock.advance(20);
    expect(host.sentStates().map((state) => state.longitude)).toEqual([0.1, 0.9]);
    host.clock.advance(1_000);
    expect(host.sent).toHaveLength(2);
    expect(host.sent[1]).toEqual({ FiveState: viewState(0.9) });
  });

  it('keeps sending at most every 100 ms through a long drag and ends on the last state', () => {
    const host = room(HOST);
    for (let step = 0; step < 100; step += 1) {
      host.userMoves(viewState(step));
      host.clock.advance(5);
    }
    host.clock.advance(200);
    const longitudes = host.sentStates().map((state) => state.longitude);
    expect(longitudes.at(-1)).toBe(99);
    // 500 ms of changes: the first at once, then one per 100 ms, plus the trailing last state.
    expect(longitudes.length).toBeGreaterThanOrEqual(5);
    expect(longitudes.length).toBeLessThanOrEqual(6);
  });

  it('never sends a state equal to the last one sent, whatever the order of its keys', () => {
    const host = room(HOST);
    host.userMoves(viewState(1));
    host.clock.advance(200);
    const reordered = Object.fromEntries(
      Object.entries({ ...viewState(1), offset: { z: -0.679, y: -0.071, x: -0.877 } }).reverse(),
    ) as unknown as TourViewState;
    host.userMoves(reordered);
    host.clock.advance(200);
    expect(host.sent).toHaveLength(1);
    // A burst that returns to the sent state sends nothing at its end.
    host.userMoves(viewState(2));
    host.userMoves(viewState(1));
    host.clock.advance(200);
    expect(host.sentStates().map((state) => state.longitude)).toEqual([1, 2, 1]);
  });

  it('does not apply keyframes of others while leading, and ignores its own', () => {
    const host = room(HOST);
    host.keyframe(GUEST, { FiveState: viewState(5) });
    host.keyframe(HOST, { FiveState: viewState(6) });
    expect(host.applied).toEqual([]);
  });

  it('keeps the state for the next change when a send fails', () => {
    const host = room(HOST);
    host.failSends(true);
    host.userMoves(viewState(1));
    expect(host.logged.join('\n')).toContain('keyframe not sent');
    host.failSends(false);
    host.clock.advance(200);
    host.userMoves(viewState(1));
    expect(host.sentStates().map((state) => state.longitude)).toEqual([1]);
  });
});

describe('guided viewing: a follower', () => {
  it('sends nothing for its own user changes while the host leads', () => {
    const guest = room(GUEST);
    expect(guest.sync.leadership()).toMatchObject({ selfId: GUEST, leaderId: HOST, leading: false, isHost: false });
    guest.userMoves(viewState(1));
    guest.clock.advance(500);
    expect(guest.sent).toEqual([]);
  });

  it('applies changed keyframes animated, and a repeated one not again', () => {
    const guest = room(GUEST);
    guest.keyframe(HOST, { FiveState: viewState(1) });
    guest.keyframe(HOST, { FiveState: viewState(1) });
    guest.keyframe(HOST, { FiveState: viewState(2) });
    expect(guest.applied).toEqual([
      { state: viewState(1), animate: true },
      { state: viewState(2), animate: true },
    ]);
    expect(guest.sync.startState()).toEqual(viewState(2));
  });

  it('does not echo: applying a keyframe sends nothing', () => {
    const guest = room(GUEST);
    guest.keyframe(HOST, { FiveState: viewState(1) });
    guest.clock.advance(500);
    expect(guest.sent).toEqual([]);
  });

  it('ignores its own keyframes even when it does not know who leads (no host in the room)', () => {
    const guest = room(GUEST);
    guest.sync.receive({ type: 'USER_LIST', users: [user(GUEST, 'audience'), user(OTHER, 'audience')] });
    expect(guest.sync.leadership()).toMatchObject({ leaderId: null, leading: false });
    guest.keyframe(GUEST, { FiveState: viewState(8) });
    expect(guest.applied).toEqual([]);
    guest.keyframe(OTHER, { FiveState: viewState(9) });
    expect(guest.applied).toEqual([{ state: viewState(9), animate: true }]);
  });

  it('ignores keyframes of a participant who is not leading', () => {
    const guest = room(GUEST);
    guest.keyframe(OTHER, { FiveState: viewState(3) });
    expect(guest.applied).toEqual([]);
  });

  it('as a late joiner jumps to the room last_frame, without animation', () => {
    const guest = room(GUEST);
    guest.sync.receive({ type: 'ROOM_INFO', info: {}, lastFrame: { FiveState: viewState(4) } });
    expect(guest.applied).toEqual([{ state: viewState(4), animate: false }]);
    expect(guest.sync.startState()).toEqual(viewState(4));
    // The same state arriving again as a keyframe is not applied twice.
    guest.keyframe(HOST, { FiveState: viewState(4) });
    expect(guest.applied).toHaveLength(1);
  });

  it('takes a last_frame handed over after connecting (the tour opened later)', () => {
    const guest = room(GUEST);
    guest.sync.applyLastFrame({ FiveState: viewState(7), OtherKey: { a: 1 } });
    expect(guest.applied).toEqual([{ state: viewState(7), animate: false }]);
  });

  it('skips malformed keyframes and applies only the usable fields of a partly bad one', () => {
    const guest = room(GUEST);
    guest.keyframe(HOST, { FiveState: 'not a state' });
    guest.keyframe(HOST, { FiveState: [1, 2] });
    guest.keyframe(HOST, { FiveState: null });
    guest.keyframe(HOST, { FiveState: { mode: 'Hologram', longitude: Number.NaN, fov: 'wide' } });
    expect(guest.applied).toEqual([]);
    expect(guest.logged.length).toBeGreaterThanOrEqual(1);
    guest.keyframe(HOST, { FiveState: { mode: 'Hologram', longitude: 1.5, latitude: Number.POSITIVE_INFINITY, panoIndex: 2 } });
    expect(guest.applied).toEqual([{ state: { longitude: 1.5, panoIndex: 2 }, animate: true }]);
    guest.keyframe(HOST, { SomethingElse: { x: 1 } });
    expect(guest.applied).toHaveLength(1);
  });
});

describe('guided viewing: handing control over', () => {
  it('lets the host hand control to one guest and take it back', () => {
    const host = room(HOST);
    host.sync.handOver(GUEST);
    expect(host.permissions).toEqual([
      [GUEST, true],
      [HOST, false],
    ]);
    // The server's user list after the change: the host's own sync_frame off.
    host.list(false, true, true);
    // The other guest still may send: the host turns it off.
    expect(host.permissions.at(-1)).toEqual([OTHER, false]);
    host.list(false, true, false);
    expect(host.sync.leadership()).toMatchObject({ leaderId: GUEST, leading: false });
    host.userMoves(viewState(1));
    host.clock.advance(500);
    expect(host.sent).toEqual([]);
    host.keyframe(GUEST, { FiveState: viewState(2) });
    expect(host.applied).toEqual([{ state: viewState(2), animate: true }]);

    host.sync.takeBack();
    expect(host.permissions.slice(-2)).toEqual([
      [HOST, true],
      [GUEST, false],
    ]);
    host.list(true, false, false);
    expect(host.sync.leadership()).toMatchObject({ leaderId: HOST, leading: true });
    host.userMoves(viewState(3));
    expect(host.sentStates().map((state) => state.longitude)).toEqual([3]);
  });

  it('moves control from one guest straight to another', () => {
    const host = room(HOST);
    host.sync.handOver(GUEST);
    host.list(false, true, false);
    host.sync.handOver(OTHER);
    expect(host.permissions.slice(2)).toEqual([
      [OTHER, true],
      [GUEST, false],
      [HOST, false],
    ]);
    host.list(false, false, true);
    expect(host.sync.leadership()).toMatchObject({ leaderId: OTHER, leading: false });
  });

  it('turns a second guest off again once the channel is back after a failed correction', () => {
    const host = room(HOST);
    host.sync.handOver(GUEST);
    host.failPermissions(true);
    host.list(false, true, true);
    expect(host.logged.join('\n')).toContain('permission not changed');
    host.failPermissions(false);
    host.list(false, true, true);
    expect(host.permissions.at(-1)).toEqual([OTHER, false]);
  });

  it('makes the chosen guest lead and stop following; leading stops again when control is taken back', () => {
    const guest = room(GUEST);
    const changes: Array<string | null> = [];
    guest.sync.onLeadershipChange((leadership) => changes.push(leadership.leaderId));
    guest.list(false, true, false);
    expect(guest.sync.leadership()).toMatchObject({ leaderId: GUEST, leading: true });
    guest.userMoves(viewState(1));
    guest.keyframe(HOST, { FiveState: viewState(9) });
    expect(guest.sentStates().map((state) => state.longitude)).toEqual([1]);
    expect(guest.applied).toEqual([]);
    // A pending trailing state is dropped when control goes back.
    guest.userMoves(viewState(2));
    guest.list(true, false, false);
    guest.clock.advance(500);
    expect(guest.sent).toHaveLength(1);
    expect(guest.clock.pending()).toBe(0);
    expect(changes).toEqual([GUEST, HOST]);
  });

  it('a guest without sync_frame never sends, even when nobody else may', () => {
    const guest = room(GUEST, { hostSync: false, guestSync: false, otherSync: true });
    expect(guest.sync.leadership()).toMatchObject({ leaderId: OTHER, leading: false });
    guest.userMoves(viewState(1));
    guest.clock.advance(500);
    expect(guest.sent).toEqual([]);
  });

  it('only the host may hand control over', () => {
    const guest = room(GUEST);
    expect(() => guest.sync.handOver(OTHER)).toThrow(/Only the host/);
    expect(() => guest.sync.takeBack()).toThrow(/Only the host/);
    expect(guest.permissions).toEqual([]);
  });

  it('stops listening to the view when disposed', () => {
    const host = room(HOST);
    host.sync.dispose();
    expect(host.hasListener()).toBe(false);
    host.keyframe(GUEST, { FiveState: viewState(1) });
    expect(host.applied).toEqual([]);
  });
});
