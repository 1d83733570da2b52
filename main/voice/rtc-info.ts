/**
 * `RTC_INFO` from the room's live channel (read by common/live-protocol.ts): which voice vendor and
 * voice room the gateway assigned.
 */
export interface RtcInfo {
  voiceId: number | string | null;
  type: string | null;
}
