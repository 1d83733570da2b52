/**
 * A guest's own voice signature, for rooms whose voice is TRTC or Amazon Chime. The guest page holds
 * no App Secret, so the host's app fetches one signature per guest connection (user_identifier = that
 * guest's live user id) and sends it with CUSTOM_EVENT to that guest only; the page decodes it with
 * the decoders main uses (common/voice-params.ts). Sandbox rooms get none: their voice is the mesh.
 * Free of Node and DOM APIs. The event's name lives in guest-link.ts, so the guest page's first load
 * carries no decoder.
 */
import { z } from 'zod';
import { vendorSources, type JoinVoiceOutput } from './voice';
import { toJoinParams } from './voice-params';

export { GUEST_VOICE_SIGN_EVENT } from './guest-link';

/** A TRTC userSig is under 1 KB; a Chime signature (URL-encoded meeting + attendee JSON) a few KB. */
export const MAX_GUEST_VOICE_SIGN_CHARS = 8_192;

const vendor = z.enum(['trtc', 'chime']);

export const guestVoiceSignPayloadSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('signed'),
    roomCode: z.string().min(1).max(64),
    vendor,
    vendorSource: z.enum(vendorSources),
    voiceId: z.union([z.string().max(128), z.number()]).nullable(),
    voiceAppId: z.string().max(64),
    userIdentifier: z.string().min(1).max(128),
    sign: z.string().min(1).max(MAX_GUEST_VOICE_SIGN_CHARS),
    obtainedAt: z.number(),
    expiresAt: z.number(),
  }),
  /** Main could not get this guest a signature; the page says to ask the agent. */
  z.strictObject({ status: z.literal('unavailable'), vendor }),
  /**
   * The agent's app uses the sandbox's WebRTC mesh for this room, whatever vendor the live channel's
   * RTC_INFO names (the sandbox gateway names TRTC or Chime too): the page joins the mesh, no signature.
   */
  z.strictObject({ status: z.literal('mesh') }),
]);
export type GuestVoiceSignPayload = z.infer<typeof guestVoiceSignPayloadSchema>;
export type GuestVoiceSigned = Extract<GuestVoiceSignPayload, { status: 'signed' }>;

/**
 * What the guest page makes of the event: the room's vendor and, when the signature decodes and is in
 * this guest's own name, the join parameters; null params mean "voice unavailable, ask your agent".
 * Null for anything that is not this event's shape (it is ignored).
 */
export function readGuestVoiceSign(
  payload: unknown,
  selfId: string | null,
): { vendor: z.infer<typeof vendor> | 'sandbox'; params: JoinVoiceOutput | null } | null {
  const parsed = guestVoiceSignPayloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  if (parsed.data.status === 'mesh') return { vendor: 'sandbox', params: null };
  if (parsed.data.status === 'unavailable') return { vendor: parsed.data.vendor, params: null };
  let params: JoinVoiceOutput | null;
  try {
    params = guestJoinParams(parsed.data);
  } catch {
    params = null;
  }
  // A signature in another user's name would not join as this guest.
  return { vendor: parsed.data.vendor, params: params !== null && params.userId === selfId ? params : null };
}

/** The join parameters of a signed payload; throws `VoiceParamsError` (naming fields only) when they do not decode. */
export function guestJoinParams(payload: GuestVoiceSigned): JoinVoiceOutput {
  return toJoinParams({
    roomCode: payload.roomCode,
    vendor: payload.vendor,
    vendorSource: payload.vendorSource,
    voiceId: payload.voiceId,
    signature: {
      voiceAppId: payload.voiceAppId,
      userIdentifier: payload.userIdentifier,
      sign: payload.sign,
      obtainedAt: payload.obtainedAt,
      expiresAt: payload.expiresAt,
    },
  });
}
