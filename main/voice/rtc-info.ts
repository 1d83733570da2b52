import { z } from 'zod';

/** `RTC_INFO` from the room's live channel: which voice vendor and room the gateway assigned. */
export interface RtcInfo {
  voiceId: number | string | null;
  type: string | null;
}

const rtcInfoMessageSchema = z.looseObject({
  command: z.literal('RTC_INFO'),
  data: z.looseObject({
    voice_id: z.union([z.number(), z.string()]).nullish(),
    type: z.string().nullish(),
  }),
});

/** Reads an `RTC_INFO` live-channel message; anything else (or a malformed one) gives null. */
export function parseRtcInfo(message: unknown): RtcInfo | null {
  const parsed = rtcInfoMessageSchema.safeParse(message);
  if (!parsed.success) return null;
  return { voiceId: parsed.data.data.voice_id ?? null, type: parsed.data.data.type ?? null };
}
