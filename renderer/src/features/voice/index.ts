export { VoicePanel, type VoicePanelProps } from './VoicePanel';
export { voiceMessages, type VoiceLocale } from './messages';
export type { VoiceBridge, AdapterFactory } from './voice-bridge';
export type { VoiceAdapter, VoiceFailureKind, VoiceJoinOptions, VoiceJoinParams } from './voice-adapter';
