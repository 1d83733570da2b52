import { GUEST_WORK_EVENT, type GuestWorkPayload } from '../../common/guest-link';
import { createPerGuestSender } from './per-guest-sender';

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
 * guest connection, addressed to the newcomers only. A failure is offered again on the next user list.
 */
export function createGuestWorkSender(options: GuestWorkSenderOptions) {
  const log = options.log ?? (() => undefined);
  return createPerGuestSender({
    async deliver(roomCode, guests) {
      const userIds = guests.map((guest) => guest.id);
      let work: GuestWorkPayload | null;
      try {
        work = await options.workFor(roomCode);
      } catch (error) {
        log('guest page: the Work could not be loaded for a guest', { roomCode, error: error instanceof Error ? error.message : 'failed' });
        return userIds;
      }
      if (work === null) return;
      try {
        options.send(roomCode, GUEST_WORK_EVENT, work, userIds);
      } catch (error) {
        log('guest page: the Work was not sent', { roomCode, error: error instanceof Error ? error.message : 'failed' });
        return userIds;
      }
    },
  });
}

export type GuestWorkSender = ReturnType<typeof createGuestWorkSender>;
