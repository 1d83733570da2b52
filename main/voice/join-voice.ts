import type { JoinVoiceOutput, VendorSource, VoiceVendor } from '../../common/voice';
import type { RtcInfo } from './rtc-info';
import { selectVoiceVendor, type VoiceVendorHints } from './vendor';
import { voiceProtocolError } from './voice-error';
import { toJoinParams, toRoomId, type FetchedVoiceSignature } from './voice-params';

/** The part of the room service a voice join needs. */
export interface VoiceRoomService {
  getRoomDetails(roomCode: string): Promise<{ voiceId: number | string | null }>;
  /** `voiceId` goes to the gateway as a string, as Realsee's docs and SDK type it. */
  voiceSignature(roomCode: string, voiceId?: string | null): Promise<FetchedVoiceSignature>;
}

/** What is known about a room's voice before joining; see `createVoiceHintsResolver`. */
export interface VoiceRoomHints extends Omit<VoiceVendorHints, 'rtcInfoType'> {
  /** The live channel's `RTC_INFO`, when the room's channel is connected and has sent it. */
  rtcInfo?: RtcInfo | null;
}

export type VoiceHintsResolver = (roomCode: string) => Promise<VoiceRoomHints>;

/** Which vendor a room's voice uses, its voice room number, and the number a signature is asked for. */
export interface VoiceRoomPlan {
  vendor: VoiceVendor;
  source: VendorSource;
  voiceId: string | number | null;
  /** `voice_id` for the signature request: Chime's as text (or none), TRTC's checked as a room number. */
  signatureVoiceId: string | null;
}

/**
 * Picks the vendor and finds the voice room number. The number is checked here, before any
 * signature is asked for, so a bad room costs no signature. Shared by the agent's own join and the
 * signatures main fetches for guests (main/viewer/guest-voice-sender.ts).
 */
export async function planVoiceRoom(
  deps: { rooms: Pick<VoiceRoomService, 'getRoomDetails'>; resolveHints: VoiceHintsResolver },
  roomCode: string,
): Promise<VoiceRoomPlan> {
  const hints = await deps.resolveHints(roomCode);
  const { vendor, source } = selectVoiceVendor({
    isSandbox: hints.isSandbox,
    rtcInfoType: hints.rtcInfo?.type ?? null,
    roomVoiceConfig: hints.roomVoiceConfig,
  });
  const voiceId = hints.rtcInfo?.voiceId ?? (await deps.rooms.getRoomDetails(roomCode)).voiceId;
  const signatureVoiceId = vendor === 'chime' ? voiceIdText(voiceId) : String(toRoomId(requireVoiceId(voiceId)));
  return { vendor, source, voiceId, signatureVoiceId };
}

/**
 * The `joinVoice` bridge handler: plans the room, fetches a fresh signature (every join gets a new
 * one; nothing is cached) and maps it to the SDK's parameters.
 */
export function createJoinVoiceHandler(deps: { rooms: VoiceRoomService; resolveHints: VoiceHintsResolver }) {
  return async ({ roomCode }: { roomCode: string }): Promise<JoinVoiceOutput> => {
    const { vendor, source, voiceId, signatureVoiceId } = await planVoiceRoom(deps, roomCode);
    const signature = await deps.rooms.voiceSignature(roomCode, signatureVoiceId);
    return toJoinParams({ roomCode, vendor, vendorSource: source, voiceId, signature });
  };
}

function requireVoiceId(voiceId: string | number | null): string | number {
  if (voiceId === null) throw voiceProtocolError("The room's details name no voice room number (voice_id).");
  return voiceId;
}

/** Chime rooms may be named by a non-numeric id; it is passed on as text, or left out when there is none. */
function voiceIdText(voiceId: string | number | null): string | null {
  if (typeof voiceId === 'number') return Number.isSafeInteger(voiceId) && voiceId >= 0 ? String(voiceId) : null;
  const text = voiceId?.trim() ?? '';
  return text === '' ? null : text;
}
