import { GUEST_VOICE_SIGN_EVENT, guestVoiceSignPayloadSchema, type GuestVoiceSignPayload } from '../../common/guest-voice-sign';
import type { VoiceRoomPlan } from '../voice/join-voice';
import type { FetchedVoiceSignature } from '../voice/voice-params';
import { toAppError } from '../app-failure';
import { createPerGuestSender } from './per-guest-sender';

export interface GuestVoiceSenderOptions {
  /** The room's voice vendor and room number (main/voice/join-voice.ts `planVoiceRoom`). */
  planVoice(roomCode: string): Promise<VoiceRoomPlan>;
  /** A signature for this guest: user_identifier = the guest's live user id, user_role = the guest's role. */
  sign(roomCode: string, voiceId: string | null, guest: { userId: string; userRole: string }): Promise<FetchedVoiceSignature>;
  /** Sends a CUSTOM_EVENT to the listed users only (main's live channel client of that room). */
  send(roomCode: string, eventId: string, data: unknown, toUserIds: readonly string[]): void;
  /** One line per failure; never the signature. */
  log?(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Voice signatures for guests in TRTC and Amazon Chime rooms: the guest page holds no App Secret, so
 * the host's app asks for one signature per guest connection, in the guest's own name and role, and
 * sends it to that guest only. Never logged; a failure logs one line without it and tells the guest
 * voice is unavailable. Sandbox rooms get `{ status: 'mesh' }` (their voice is the mesh, which needs no
 * signature; the guest page cannot tell from the channel, whose RTC_INFO names a vendor there too).
 * Feed it every event of the host's live channels.
 */
export function createGuestVoiceSender(options: GuestVoiceSenderOptions) {
  const log = options.log ?? (() => undefined);

  function sendTo(roomCode: string, userId: string, payload: GuestVoiceSignPayload): void {
    try {
      options.send(roomCode, GUEST_VOICE_SIGN_EVENT, payload, [userId]);
    } catch {
      log('guest page: the voice signature was not sent to a guest', { roomCode, userId });
    }
  }

  return createPerGuestSender({
    async deliver(roomCode, guests) {
      let plan: VoiceRoomPlan;
      try {
        plan = await options.planVoice(roomCode);
      } catch (error) {
        log('guest page: the room’s voice could not be planned for guests', { roomCode, error: toAppError(error).kind });
        return;
      }
      const vendor = plan.vendor;
      if (vendor === 'sandbox') {
        for (const guest of guests) sendTo(roomCode, guest.id, { status: 'mesh' });
        return;
      }
      await Promise.all(
        guests.map(async (guest) => {
          let payload: GuestVoiceSignPayload;
          try {
            const signature = await options.sign(roomCode, plan.signatureVoiceId, { userId: guest.id, userRole: guest.user_role ?? '' });
            payload = guestVoiceSignPayloadSchema.parse({
              status: 'signed',
              roomCode,
              vendor,
              vendorSource: plan.source,
              voiceId: plan.voiceId,
              ...signature,
            });
          } catch (error) {
            log('guest page: no voice signature for a guest', { roomCode, userId: guest.id, error: toAppError(error).kind });
            payload = { status: 'unavailable', vendor };
          }
          sendTo(roomCode, guest.id, payload);
        }),
      );
    },
  });
}

export type GuestVoiceSender = ReturnType<typeof createGuestVoiceSender>;
