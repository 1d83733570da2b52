export { VoicePanel, type VoicePanelProps } from './VoicePanel';
export type { VoiceBridge, AdapterFactory } from './voice-bridge';
export type { VoiceAdapter, VoiceFailureKind, VoiceJoinOptions, VoiceJoinParams } from './voice-adapter';
export { VoiceBar, type VoiceBarProps } from './VoiceBar';
