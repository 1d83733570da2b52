import { bridge, type BridgeMethods } from '../../lib/bridge';
import type { LivePresenceBridge } from '../../lib/use-live-presence';

/** The bridge methods the tour screen uses: the room's live channel and "End room". */
export type TourScreenBridge = LivePresenceBridge & BridgeMethods<'endRoom'>;

export function defaultTourScreenBridge(): TourScreenBridge {
  return bridge();
}
