import { bridge, type BridgeMethods } from '../../lib/bridge';

export type RoomsBridge = BridgeMethods<'queryHistory'>;

/** The bridge methods this feature uses. */
export function roomsBridge(): RoomsBridge {
  return bridge();
}
