import type { EventPayload } from '../../../../common/contract';
import { bridge, type BridgeMethods } from '../../lib/bridge';

/** The part of the bridge the viewer uses; tests and stories may pass their own. */
export type ViewerBridge = BridgeMethods<
  | 'openViewer'
  | 'setViewerBounds'
  | 'reloadViewer'
  | 'closeViewer'
  | 'openViewerInBrowser'
  | 'openBlockedLinkInBrowser'
  | 'connectLiveChannel'
  | 'disconnectLiveChannel'
  | 'endRoom'
  | 'answerMicrophoneRequest'
  | 'onViewerState'
  | 'onLivePresence'
  | 'onMicrophoneRequest'
>;

export type ViewerState = EventPayload<'viewerState'>;
export type ViewerPhase = ViewerState['phase'];
export type LivePresence = EventPayload<'livePresence'>;

export function defaultViewerBridge(): ViewerBridge {
  return bridge();
}
