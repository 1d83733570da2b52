import type { EventPayload, RoomdeskBridge } from '../../../../preload/contract';

/** The part of `window.roomdesk` the viewer uses; tests and stories may pass their own. */
export type ViewerBridge = Pick<
  RoomdeskBridge,
  | 'openViewer'
  | 'setViewerBounds'
  | 'reloadViewer'
  | 'closeViewer'
  | 'openViewerInBrowser'
  | 'openBlockedLinkInBrowser'
  | 'connectLiveChannel'
  | 'disconnectLiveChannel'
  | 'endRoom'
  | 'onViewerState'
  | 'onLivePresence'
>;

export type ViewerState = EventPayload<'viewerState'>;
export type ViewerPhase = ViewerState['phase'];
export type LivePresence = EventPayload<'livePresence'>;

export function defaultViewerBridge(): ViewerBridge {
  return window.roomdesk;
}
