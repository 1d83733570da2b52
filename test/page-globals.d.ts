import type { RoomdeskBridge } from '../common/contract/index';

// What Playwright callbacks find in the app page (they run there, not in Node).
declare global {
  interface Window {
    readonly roomdesk: RoomdeskBridge;
  }
}
