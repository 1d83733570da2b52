import { afterEach, describe, expect, it } from 'vitest';
import { FIVE_STATE_KEY } from '../../../common/live-protocol';
import type { TourViewState } from '../../../renderer/src/features/tour/engine/view-state';
import { canonicalJson } from '../../../renderer/src/features/tour/sync';
import { openGuidedRoom, until } from './guided-room';

const HOST = 'agent-1';
const sameState = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function viewState(longitude: number, panoIndex = 0): TourViewState {
  return {
    mode: 'Panorama',
    panoIndex,
    longitude,
    latitude: -0.0168,
    fov: 105,
    workCode: 'work-1',
    offset: { x: -0.877, y: -0.071, z: -0.679 },
    distance: 0,
  };
}

const rooms: Array<Awaited<ReturnType<typeof openGuidedRoom>>> = [];
afterEach(async () => {
  await Promise.all(rooms.splice(0).map((room) => room.close()));
});

async function guidedRoom() {
  const room = await openGuidedRoom();
  rooms.push(room);
  return room;
}

describe('guided viewing through the sandbox live channel', () => {
  it('the host leads: a drag reaches the follower throttled, and the follower ends in the host’s final state', async () => {
    const room = await guidedRoom();
    const host = await room.join(HOST, 'anchor');
    const guest = await room.join('guest-1');
    await until(() => guest.sync.leadership().leaderId === HOST, 'the guest to see the host leading');
    expect(host.sync.leadership()).toMatchObject({ leading: true, isHost: true });

    // A drag of about 300 ms: a change every 5 ms.
    const dragStarted = performance.now();
    for (let step = 1; step <= 60; step += 1) {
      host.userMoves(viewState(step / 100, step >= 30 ? 1 : 0));
      await sleep(5);
    }
    const dragMs = performance.now() - dragStarted;
    const final = viewState(0.6, 1);
    await until(() => sameState(guest.viewState(), final), 'the guest to reach the final state');
    expect(host.sent.at(-1)).toEqual({ [FIVE_STATE_KEY]: final });
    // Throttled: one keyframe at the start, then at most one per 100 ms of drag, the last one the final state.
    expect(host.sent.length).toBeGreaterThanOrEqual(2);
    expect(host.sent.length).toBeLessThanOrEqual(Math.floor(dragMs / 100) + 2);
    expect(host.sent.length).toBeLessThan(60);
    expect(guest.applied.every((entry) => entry.animate === true)).toBe(true);
    // Nothing echoed: the guest sent nothing, the host applied nothing.
    await sleep(150);
    expect(guest.sent).toEqual([]);
    expect(host.applied).toEqual([]);
  });

  it('a late joiner starts from the room’s last_frame, without animation', async () => {
    const room = await guidedRoom();
    const host = await room.join(HOST, 'anchor');
    host.userMoves(viewState(1.25, 2));
    await until(() => host.sent.length === 1, 'the keyframe to be sent');
    await sleep(50);
    const late = await room.join('guest-late');
    expect(late.applied[0]).toMatchObject({ state: viewState(1.25, 2), animate: false });
    expect(late.sync.startState()).toEqual(viewState(1.25, 2));
  });

  it('after the host hands control to a guest, the guest’s changes reach the host and the host sends nothing; then the host takes it back', async () => {
    const room = await guidedRoom();
    const host = await room.join(HOST, 'anchor');
    const guest = await room.join('guest-1');
    const other = await room.join('guest-2');
    await until(() => other.sync.leadership().leaderId === HOST && guest.sync.leadership().leaderId === HOST, 'everyone to see the host');

    host.sync.handOver(guest.userId);
    await until(
      () => [host, guest, other].every((participant) => participant.sync.leadership().leaderId === guest.userId),
      'everyone to see the guest leading',
    );
    expect(guest.sync.leadership().leading).toBe(true);
    expect(host.sync.leadership().leading).toBe(false);

    guest.userMoves(viewState(2.5));
    await until(() => sameState(host.viewState(), viewState(2.5)), 'the host to follow the guest');
    await until(() => sameState(other.viewState(), viewState(2.5)), 'the other guest to follow');

    const hostSent = host.sent.length;
    host.userMoves(viewState(-1));
    other.userMoves(viewState(-2));
    await sleep(250);
    expect(host.sent).toHaveLength(hostSent);
    expect(other.sent).toEqual([]);
    expect(guest.applied).toEqual([]);

    host.sync.takeBack();
    await until(
      () => [host, guest, other].every((participant) => participant.sync.leadership().leaderId === HOST),
      'everyone to see the host leading again',
    );
    guest.userMoves(viewState(7));
    host.userMoves(viewState(3));
    await until(() => sameState(guest.viewState(), viewState(3)), 'the guest to follow the host again');
    await sleep(150);
    expect(guest.sent.map((frames) => (frames[FIVE_STATE_KEY] as TourViewState).longitude)).toEqual([2.5]);
    expect(sameState(other.viewState(), viewState(3))).toBe(true);
  });
});
