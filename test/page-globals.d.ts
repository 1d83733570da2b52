import type { RoomdeskBridge } from '../preload/contract';

// What Playwright callbacks find in the app page (they run there, not in Node).
declare global {
  interface Window {
    readonly roomdesk: RoomdeskBridge;
  }
}
