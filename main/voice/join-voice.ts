import type { JoinVoiceOutput } from '../../common/voice';
import type { RtcInfo } from './rtc-info';
import { selectVoiceVendor, type VoiceVendorHints } from './vendor';
import { voiceProtocolError } from './voice-error';
import { toJoinParams, toRoomId, type FetchedVoiceSignature } from './voice-params';

/** The part of the room service a voice join needs. */
export interface VoiceRoomService {
  getRoomDetails(roomCode: string): Promise<{ voiceId: number | null }>;
  voiceSignature(roomCode: string, voiceId?: number | null): Promise<FetchedVoiceSignature>;
}

/** What is known about a room's voice before joining; see `createVoiceHintsResolver`. */
export interface VoiceRoomHints extends Omit<VoiceVendorHints, 'rtcInfoType'> {
  /** The live channel's `RTC_INFO`, when the room's channel is connected and has sent it. */
  rtcInfo?: RtcInfo | null;
}

export type VoiceHintsResolver = (roomCode: string) => Promise<VoiceRoomHints>;

/**
 * The `joinVoice` bridge handler: picks the vendor, finds the voice room number, fetches a fresh
 * signature (every join gets a new one; nothing is cached) and maps it to the SDK's parameters.
 * The room number is checked before the signature is asked for, so a bad room costs no signature.
 */
export function createJoinVoiceHandler(deps: { rooms: VoiceRoomService; resolveHints: VoiceHintsResolver }) {
  return async ({ roomCode }: { roomCode: string }): Promise<JoinVoiceOutput> => {
    const hints = await deps.resolveHints(roomCode);
    const { vendor, source } = selectVoiceVendor({
      isSandbox: hints.isSandbox,
      rtcInfoType: hints.rtcInfo?.type ?? null,
      roomVoiceConfig: hints.roomVoiceConfig,
    });
    const voiceId = hints.rtcInfo?.voiceId ?? (await deps.rooms.getRoomDetails(roomCode)).voiceId;
    const signatureVoiceId = vendor === 'chime' ? decimalOrUndefined(voiceId) : toRoomId(requireVoiceId(voiceId));
    const signature = await deps.rooms.voiceSignature(roomCode, signatureVoiceId);
    return toJoinParams({ roomCode, vendor, vendorSource: source, voiceId, signature });
  };
}

function requireVoiceId(voiceId: string | number | null): string | number {
  if (voiceId === null) throw voiceProtocolError("The room's details name no voice room number (voice_id).");
  return voiceId;
}

/** Chime rooms may be named by a non-numeric id; the signature request only takes a number. */
function decimalOrUndefined(voiceId: string | number | null): number | undefined {
  if (typeof voiceId === 'number') return Number.isSafeInteger(voiceId) && voiceId >= 0 ? voiceId : undefined;
  if (typeof voiceId === 'string' && /^[0-9]{1,15}$/.test(voiceId.trim())) return Number(voiceId.trim());
  return undefined;
}
