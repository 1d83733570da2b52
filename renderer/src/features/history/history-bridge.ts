import { bridge, type BridgeMethods } from '../../lib/bridge';

export type HistoryBridge = BridgeMethods<
  | 'queryHistory'
  | 'getHistoryRoom'
  | 'getHistoryStatus'
  | 'updateRoomNotes'
  | 'deleteHistoryRoom'
  | 'clearHistory'
  | 'exportHistory'
  | 'getRoomDetails'
  | 'getNetworkState'
  | 'checkNetwork'
  | 'onNetworkState'
  | 'onHistoryState'
>;

/** The bridge methods the history screens use; they reach main through nothing else. */
export function historyBridge(): HistoryBridge {
  return bridge();
}
