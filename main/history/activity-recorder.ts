import type { RoomActivityRecorder } from '../rooms/room-service';
import { AppFailure } from '../app-failure';
import type { HistoryService } from './history-service';

/** Voice and room-end events, recorded from the bridge handlers and the live channel's End room. */
export interface RoomSessionRecorder {
  voiceJoined(entry: { profileId: string; roomCode: string; userId: string; at?: number }): Promise<void>;
  voiceLeft(entry: { profileId: string; roomCode: string; userId: string; at?: number }): Promise<void>;
  roomClosed(entry: { profileId: string; roomCode: string; at?: number }): Promise<void>;
}

/**
 * Connects the room service to the history. A room that was created or fetched at Realsee stays
 * created even if the history cannot be saved, so a history failure is reported to `onError`
 * instead of failing the room action (which the agent might then retry and create a second room).
 * The one exception is a create answer whose code is already in the history: the gateway gave a
 * code it had given before, which the agent must hear about.
 */
export function historyActivityRecorder(
  history: HistoryService,
  onError: (error: unknown) => void = (error) => {
    console.warn('room history: change not saved:', error instanceof Error ? error.message : 'unknown error');
  },
): RoomActivityRecorder & RoomSessionRecorder {
  const guarded = async (write: () => Promise<unknown>): Promise<void> => {
    try {
      await write();
    } catch (error) {
      if (error instanceof AppFailure && error.appError.kind === 'protocol') throw error;
      onError(error);
    }
  };
  /** A room joined or ended before it was ever recorded (created elsewhere) has no record to add to. */
  const ifRecorded = (profileId: string, roomCode: string, write: () => Promise<unknown>) =>
    guarded(async () => {
      if (await history.has({ profileId, roomCode })) await write();
    });
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
      ifRecorded(entry.profileId, entry.roomCode, () =>
        history.recordEvent(
          { profileId: entry.profileId, roomCode: entry.roomCode },
          {
            type: 'guest-pass-issued',
            at: entry.at,
            userId: entry.guest.userId,
            role: entry.guest.role,
            ...(entry.guest.nickname === undefined ? {} : { nickname: entry.guest.nickname }),
            expiresAt: entry.expiresAt,
          },
        ),
      ),
    hostJoined: (entry) =>
      ifRecorded(entry.profileId, entry.roomCode, () =>
        history.recordEvent(
          { profileId: entry.profileId, roomCode: entry.roomCode },
          { type: 'joined-as-host', at: entry.at, userId: entry.userId },
        ),
      ),
    voiceJoined: (entry) =>
      ifRecorded(entry.profileId, entry.roomCode, () =>
        history.recordEvent(
          { profileId: entry.profileId, roomCode: entry.roomCode },
          { type: 'voice-joined', userId: entry.userId, ...at(entry.at) },
        ),
      ),
    voiceLeft: (entry) =>
      ifRecorded(entry.profileId, entry.roomCode, () =>
        history.recordEvent(
          { profileId: entry.profileId, roomCode: entry.roomCode },
          { type: 'voice-left', userId: entry.userId, ...at(entry.at) },
        ),
      ),
    roomClosed: (entry) =>
      ifRecorded(entry.profileId, entry.roomCode, () =>
        history.recordEvent({ profileId: entry.profileId, roomCode: entry.roomCode }, { type: 'room-closed', ...at(entry.at) }),
      ),
  };
}

function at(value: number | undefined): { at?: number } {
  return value === undefined ? {} : { at: value };
}
