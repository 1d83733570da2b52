import type { VoiceVendor } from '../../../../common/voice';
import { bridge, type BridgeMethods } from '../../lib/bridge';
import type { SandboxAdapterOptions } from './sandbox-adapter';
import type { VoiceAdapter } from './voice-adapter';

/**
 * The bridge methods voice uses (`getRoomDetails` lets the pre-flight check see that the gateway answers;
 * `leaveVoice` puts "left voice" on the room's timeline). The live channel methods carry the sandbox's
 * WebRTC signals and the microphone state the room shows; without them the sandbox only meters the microphone.
 */
export type VoiceBridge = BridgeMethods<'joinVoice' | 'getRoomDetails'> &
  Partial<
    BridgeMethods<
      | 'leaveVoice'
      | 'sendVoiceSignal'
      | 'onVoiceSignal'
      | 'setRoomMicrophone'
      | 'connectLiveChannel'
      | 'disconnectLiveChannel'
      | 'onLivePresence'
    >
  >;

export function defaultVoiceBridge(): VoiceBridge {
  return bridge();
}

/** What an adapter may need besides its vendor: the sandbox's signalling. */
export type AdapterContext = SandboxAdapterOptions;

export type AdapterFactory = (vendor: VoiceVendor, context?: AdapterContext) => Promise<VoiceAdapter>;
