import { isOnline, standingOf, type LiveEvent, type UserInfo } from '../../common/live-protocol';
import { GUEST_WORK_EVENT, type GuestWorkPayload } from '../../common/guest-link';

export interface GuestWorkSenderOptions {
  /** The VR Work to show in the room (the gateway's Work JSON and its origins), or null when the room has no VR. */
  workFor(roomCode: string): Promise<GuestWorkPayload | null>;
  /** Sends a CUSTOM_EVENT to the listed users only (main's live channel client of that room). */
  send(roomCode: string, eventId: string, data: unknown, toUserIds: readonly string[]): void;
  /** One line per failure; never the Work or a link. */
  log?(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Guests open the tour from a static page that holds no App Secret, so it cannot fetch the Work
 * itself: the host's app sends the room's Work to each guest that appears in the user list, once per
 * guest connection (a guest that left and came back gets it again), addressed to that guest only.
 * Feed it every event of the host's live channels.
 */
export function createGuestWorkSender(options: GuestWorkSenderOptions) {
  const log = options.log ?? (() => undefined);
  /** Per room: this host connection's own id and role, and the guests already sent the Work. */
  const rooms = new Map<string, { selfId: string | null; hostRole: string | null; served: Set<string> }>();

  function roomState(roomCode: string) {
    let state = rooms.get(roomCode);
    if (!state) rooms.set(roomCode, (state = { selfId: null, hostRole: null, served: new Set() }));
    return state;
  }

  async function sendTo(roomCode: string, userIds: string[]): Promise<void> {
    let work: GuestWorkPayload | null;
    try {
      work = await options.workFor(roomCode);
    } catch (error) {
      log('guest page: the Work could not be loaded for a guest', { roomCode, error: error instanceof Error ? error.message : 'failed' });
      for (const id of userIds) roomState(roomCode).served.delete(id);
      return;
    }
    if (work === null) return;
    try {
      options.send(roomCode, GUEST_WORK_EVENT, work, userIds);
    } catch (error) {
      log('guest page: the Work was not sent', { roomCode, error: error instanceof Error ? error.message : 'failed' });
      for (const id of userIds) roomState(roomCode).served.delete(id);
    }
  }

  function onUserList(roomCode: string, users: UserInfo[]): void {
    const state = roomState(roomCode);
    // Until this connection knows who it is, it cannot tell guests from itself.
    if (state.selfId === null) return;
    const present = users.filter(
      (user) =>
        standingOf(user) === 'normal' &&
        isOnline(user) !== false &&
        user.id !== state.selfId &&
        (state.hostRole === null || user.user_role !== state.hostRole),
    );
    const presentIds = new Set(present.map((user) => user.id));
    for (const id of [...state.served]) if (!presentIds.has(id)) state.served.delete(id);
    const newcomers = present.map((user) => user.id).filter((id) => !state.served.has(id));
    if (newcomers.length === 0) return;
    for (const id of newcomers) state.served.add(id);
    void sendTo(roomCode, newcomers);
  }

  return {
    receive(roomCode: string, event: LiveEvent): void {
      switch (event.type) {
        case 'SELF_USER_INFO': {
          const state = roomState(roomCode);
          state.selfId = event.user.id;
          state.hostRole = event.user.user_role || null;
          return;
        }
        case 'ROOM_INFO':
          // A new host connection: guests in the room get the Work again from it.
          roomState(roomCode).served.clear();
          return;
        case 'USER_LIST':
          return onUserList(roomCode, event.users);
        default:
          return;
      }
    },
    forget(roomCode: string): void {
      rooms.delete(roomCode);
    },
  };
}

export type GuestWorkSender = ReturnType<typeof createGuestWorkSender>;
