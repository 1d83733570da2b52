import type { Result } from '../../../../common/errors';
import type { JoinVoiceOutput, VoiceVendor } from '../../../../common/voice';
import type { VoiceAdapter } from './voice-adapter';

/** The bridge methods the voice panel uses; `window.roomdesk` satisfies it once `joinVoice` is wired. */
export interface VoiceBridge {
  joinVoice(input: { roomCode: string }): Promise<Result<JoinVoiceOutput>>;
  /** Used by the pre-flight check to see that the gateway answers for this room. */
  getRoomDetails(input: { roomCode: string }): Promise<Result<unknown>>;
}

export type AdapterFactory = (vendor: VoiceVendor) => Promise<VoiceAdapter>;
