import { z } from 'zod';
import { roomCodeSchema as roomCode } from '../room';
import { joinVoiceInputSchema, joinVoiceOutputSchema } from '../voice';
import { sendVoiceSignalInputSchema, voiceSignalEventSchema } from '../voice-signal';
import { method } from './method';

export const voiceSignatureInfoSchema = z.object({
  roomCode: z.string(),
  userIdentifier: z.string(),
  /** The voice room id the signature was asked for, as the gateway takes it (text). */
  voiceId: z.string().nullable(),
  voiceAppId: z.string(),
  obtainedAt: z.number(),
  expiresAt: z.number(),
});

export const voiceContract = {
  getVoiceSignature: method(z.strictObject({ roomCode }), voiceSignatureInfoSchema),
  /** Fetches a fresh voice signature for joining; it lives in renderer memory only while joining. */
  joinVoice: method(joinVoiceInputSchema, joinVoiceOutputSchema),
  /** The agent left a room's voice: recorded on the room's timeline. */
  leaveVoice: method(z.strictObject({ roomCode }), z.object({ recorded: z.boolean() })),
  /** Sandbox voice: one WebRTC signal to a peer (or to everyone else) through main's live channel of the room. */
  sendVoiceSignal: method(sendVoiceSignalInputSchema, z.object({ sent: z.literal(true) })),
  /** Opens or closes a microphone state in the room (BUILTIN_MSG change_micro_status): the agent's own, or a guest's. */
  setRoomMicrophone: method(
    z.strictObject({ roomCode, open: z.boolean(), userId: z.string().min(1).max(128).optional() }),
    z.object({ sent: z.literal(true) }),
  ),
} as const;

/** Sandbox voice signals from the room's peers, relayed by main's live channel. */
export const voiceEvents = {
  voiceSignal: voiceSignalEventSchema,
} as const;
