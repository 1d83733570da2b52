import type { RtcInfo } from './rtc-info';
import type { VoiceHintsResolver, VoiceRoomHints } from './join-voice';

/**
 * Gathers vendor hints for a room: the active profile (sandbox or not), the live channel's
 * `RTC_INFO` when a channel is connected, and otherwise the room's voice config. The config is
 * only fetched when it can change the answer, and a failure to read it falls back to the default
 * vendor: the signature request that follows reports gateway trouble on its own.
 */
export function createVoiceHintsResolver(deps: {
  activeProfile(): Promise<{ isSandbox: boolean }>;
  rtcInfoFor?(roomCode: string): RtcInfo | null | undefined;
  roomVoiceConfigFor?(roomCode: string): Promise<unknown>;
}): VoiceHintsResolver {
  return async (roomCode) => {
    const { isSandbox } = await deps.activeProfile();
    const rtcInfo = deps.rtcInfoFor?.(roomCode) ?? null;
    const hints: VoiceRoomHints = { isSandbox, rtcInfo };
    if (isSandbox || rtcInfo?.type || !deps.roomVoiceConfigFor) return hints;
    try {
      return { ...hints, roomVoiceConfig: await deps.roomVoiceConfigFor(roomCode) };
    } catch {
      return hints;
    }
  };
}
