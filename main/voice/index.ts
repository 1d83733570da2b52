export {
  createJoinVoiceHandler,
  planVoiceRoom,
  type VoiceRoomPlan,
  type VoiceHintsResolver,
  type VoiceRoomHints,
  type VoiceRoomService,
} from './join-voice';
export { createVoiceHintsResolver } from './hints-resolver';
export { createRoomVoiceConfigSource, roomVoiceConfigOf } from './room-voice-config';
export type { RtcInfo } from './rtc-info';
export { DEFAULT_VOICE_VENDOR, selectVoiceVendor, type VoiceVendorChoice, type VoiceVendorHints } from './vendor';
export { decodeChimeSign, toJoinParams, toRoomId, toSdkAppId, type FetchedVoiceSignature } from './voice-params';
