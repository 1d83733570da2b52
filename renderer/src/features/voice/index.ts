export { VoicePanel, type VoicePanelProps } from './VoicePanel';
export { VoiceControl, type VoiceControlProps } from './VoiceControl';
export { RoomVoiceProvider, type RoomVoiceProviderProps } from './RoomVoiceProvider';
export { useVoiceParticipants, useRoomVoice, type VoiceParticipantState, type RoomVoice } from './room-voice-context';
export type { VoiceBridge, AdapterFactory } from './voice-bridge';
export type { VoiceAdapter, VoiceFailureKind, VoiceJoinOptions, VoiceJoinParams, RemoteVoiceParticipant } from './voice-adapter';
