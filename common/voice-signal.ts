import { z } from 'zod';

/**
 * Sandbox voice: WebRTC between the participants of a room, signalled with CUSTOM_EVENT messages
 * addressed to one peer (or to everyone for `hello` and `bye`). Every signal names the sender's voice
 * session (one per join) and, once known, the recipient's, so a message from an older join is dropped.
 * This module must stay free of Node and DOM APIs: it is bundled into all three processes and the guest page.
 */
export const VOICE_SIGNAL_EVENT = 'roomdesk.voice.signal';

/** An audio-only SDP is a few kilobytes; anything much larger is not ours. */
export const MAX_SDP_CHARS = 16_000;
const MAX_CANDIDATE_CHARS = 1_000;

const sessionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

const sessionDescription = z.string().min(1).max(MAX_SDP_CHARS);

export const voiceSignalSchema = z.discriminatedUnion('kind', [
  /** "I am in voice": to everyone on join, or to one peer in reply (`reply` stops the reply going back). */
  z.strictObject({ kind: z.literal('hello'), session: sessionId, reply: z.boolean() }),
  /** "I left voice." */
  z.strictObject({ kind: z.literal('bye'), session: sessionId }),
  z.strictObject({ kind: z.literal('offer'), session: sessionId, peerSession: sessionId, sdp: sessionDescription }),
  z.strictObject({ kind: z.literal('answer'), session: sessionId, peerSession: sessionId, sdp: sessionDescription }),
  z.strictObject({
    kind: z.literal('ice'),
    session: sessionId,
    peerSession: sessionId,
    candidate: z.string().max(MAX_CANDIDATE_CHARS),
    sdpMid: z.string().max(64).nullable(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
  }),
]);
export type VoiceSignal = z.infer<typeof voiceSignalSchema>;

const userId = z.string().min(1).max(128);

/** What the app's renderer asks main to send: one signal to one peer, or (`toUserId` null) to everyone else. */
export const sendVoiceSignalInputSchema = z.strictObject({
  roomCode: z.string().min(1).max(64),
  toUserId: userId.nullable(),
  signal: voiceSignalSchema,
});
export type SendVoiceSignalInput = z.infer<typeof sendVoiceSignalInputSchema>;

/** A signal main received on a room's channel, with who sent it (`trigger_user_id`). */
export const voiceSignalEventSchema = z.object({
  roomCode: z.string(),
  fromUserId: userId,
  signal: voiceSignalSchema,
});
export type VoiceSignalEvent = z.infer<typeof voiceSignalEventSchema>;

/** Reads a CUSTOM_EVENT's payload as a voice signal; null when it is not a valid one. */
export function parseVoiceSignal(payload: unknown): VoiceSignal | null {
  const parsed = voiceSignalSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
