import { isOnline, standingOf, type LiveEvent, type UserInfo } from '../../common/live-protocol';

export interface PerGuestSenderOptions {
  /**
   * Called once per guest connection with the guests that appeared since the last user list. Resolves
   * to the ids to offer again on the next user list (a failure worth retrying), or nothing.
   */
  deliver(roomCode: string, guests: UserInfo[]): Promise<readonly string[] | void>;
}

/**
 * Tracks, from the host's live channel events, which guests each room has and calls `deliver` for
 * each guest once per guest connection (a guest that left and came back counts again). Never the
 * host itself nor another user of the host's role. Feed it every event of the host's live channels.
 */
export function createPerGuestSender(options: PerGuestSenderOptions) {
  /** Per room: this host connection's own id and role, and the guests already delivered to. */
  const rooms = new Map<string, { selfId: string | null; hostRole: string | null; served: Set<string> }>();

  function roomState(roomCode: string) {
    let state = rooms.get(roomCode);
    if (!state) rooms.set(roomCode, (state = { selfId: null, hostRole: null, served: new Set() }));
    return state;
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
    const newcomers = present.filter((user) => !state.served.has(user.id));
    if (newcomers.length === 0) return;
    for (const user of newcomers) state.served.add(user.id);
    void options.deliver(roomCode, newcomers).then(
      (retry) => {
        for (const id of retry ?? []) roomState(roomCode).served.delete(id);
      },
      () => undefined,
    );
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
          // A new host connection: guests already in the room are delivered to again from it.
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

export type PerGuestSender = ReturnType<typeof createPerGuestSender>;
