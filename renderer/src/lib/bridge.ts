import type { RoomdeskBridge } from '../../../common/contract';

declare global {
  interface Window {
    /** Exposed by the preload script; the renderer's only way to reach main. */
    readonly roomdesk: RoomdeskBridge;
  }
}

/** The part of the bridge a feature uses: each feature declares its own `Pick` of the methods it calls. */
export type BridgeMethods<K extends keyof RoomdeskBridge> = Pick<RoomdeskBridge, K>;

/** The one place that reads `window.roomdesk`. */
export function bridge(): RoomdeskBridge {
  return window.roomdesk;
}
