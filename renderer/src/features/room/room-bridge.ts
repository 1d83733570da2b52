import { bridge, type BridgeMethods } from '../../lib/bridge';

export type RoomBridge = BridgeMethods<'getRoomDetails' | 'getHistoryRoom' | 'issueGuestPass' | 'getVoiceSignature'>;

/** The bridge methods the room page uses. */
export function roomBridge(): RoomBridge {
  return bridge();
}
