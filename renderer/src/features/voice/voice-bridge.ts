import type { VoiceVendor } from '../../../../common/voice';
import { bridge, type BridgeMethods } from '../../lib/bridge';
import type { VoiceAdapter } from './voice-adapter';

/**
 * The bridge methods the voice panel uses (`getRoomDetails` lets the pre-flight check see that the gateway answers;
 * `leaveVoice` puts "left voice" on the room's timeline).
 */
export type VoiceBridge = BridgeMethods<'joinVoice' | 'getRoomDetails'> & Partial<BridgeMethods<'leaveVoice'>>;

export function defaultVoiceBridge(): VoiceBridge {
  return bridge();
}

export type AdapterFactory = (vendor: VoiceVendor) => Promise<VoiceAdapter>;
