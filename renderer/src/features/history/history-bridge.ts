import type { RoomdeskBridge } from '../../../../preload/contract';

/** The preload's bridge; the history screens reach main through nothing else. */
export function historyBridge(): RoomdeskBridge {
  return (window as unknown as { roomdesk: RoomdeskBridge }).roomdesk;
}
