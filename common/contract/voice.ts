import { z } from 'zod';
import { roomCodeSchema as roomCode } from '../room';
import { joinVoiceInputSchema, joinVoiceOutputSchema } from '../voice';
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
} as const;
