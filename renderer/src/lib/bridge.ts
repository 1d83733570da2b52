import type { RoomdeskBridge } from '../../../preload/contract';

declare global {
  interface Window {
    /** Exposed by the preload script; the renderer's only way to reach main. */
    readonly roomdesk: RoomdeskBridge;
  }
}

export function bridge(): RoomdeskBridge {
  return window.roomdesk;
}
