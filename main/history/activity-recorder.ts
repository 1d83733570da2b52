import type { RoomActivityRecorder } from '../rooms/room-service';
import type { HistoryService } from './history-service';

/**
 * Connects the room service to the history. A room that was created or fetched at Realsee stays
 * created even if the history cannot be saved, so a history failure is reported to `onError`
 * instead of failing the room action (which the agent might then retry and create a second room).
 */
export function historyActivityRecorder(
  history: HistoryService,
  onError: (error: unknown) => void = (error) => {
    console.warn('room history: change not saved:', error instanceof Error ? error.message : 'unknown error');
  },
): RoomActivityRecorder {
  const guarded = async (write: () => Promise<unknown>): Promise<void> => {
    try {
      await write();
    } catch (error) {
      onError(error);
    }
  };
  return {
    roomCreated: (entry) =>
      guarded(() =>
        history.recordCreated({
          profileId: entry.profileId,
          roomCode: entry.roomCode,
          roomLink: entry.roomLink,
          creatorUserId: entry.creatorUserId,
          listing: entry.listing,
          guests: entry.guests,
        }),
      ),
    detailsFetched: (profileId, summary) => guarded(() => history.recordSnapshot(profileId, summary)),
    guestPassIssued: (entry) =>
      guarded(() =>
        history.recordEvent(entry.roomCode, {
          type: 'guest-pass-issued',
          at: entry.at,
          userId: entry.guest.userId,
          role: entry.guest.role,
          ...(entry.guest.nickname === undefined ? {} : { nickname: entry.guest.nickname }),
          expiresAt: entry.expiresAt,
        }),
      ),
    hostJoined: (entry) =>
      guarded(async () => {
        // A room joined before it was ever recorded (created elsewhere, details not yet fetched)
        // has no record to add to; that is not an error.
        if (!history.has(entry.roomCode)) return;
        await history.recordEvent(entry.roomCode, { type: 'joined-as-host', at: entry.at, userId: entry.userId });
      }),
  };
}
