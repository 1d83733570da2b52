import { bridge, type BridgeMethods } from '../../lib/bridge';

export type NewRoomBridge = BridgeMethods<'createRoom' | 'listVrs'>;

/** The bridge methods this feature uses. */
export function newRoomBridge(): NewRoomBridge {
  return bridge();
}
