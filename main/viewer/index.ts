/** The embedded viewer's and the live channel's behaviour, free of Electron (the glue is main/electron/viewer-view.ts). */
export { LIVE_CHANNEL_BACKOFF, reconnectDelay, type BackoffPolicy } from './backoff';
export { displayHost, mayOpenRoomInBrowser } from './browser-handoff';
export {
  createLiveChannelClient,
  LIVE_STABLE_MS,
  LIVE_TICKETS_PER_MINUTE,
  PermanentLiveChannelError,
  type LiveChannelClient,
  type LivePresence,
  type LiveUser,
} from './live-channel-client';
export { createLiveChannels, type LiveChannels, type LiveHolder } from './live-channels';
export { wsSocketFactory, type LiveSocket, type LiveSocketFactory, type LiveSocketHandlers } from './live-socket';
export { createViewerController, type ViewerController, type ViewerRoomSource, type ViewerState } from './viewer-controller';
export {
  parseProbe,
  ROOM_PAGE_PROBE,
  type RoomPageProbe,
  type ViewerBounds,
  type ViewerHost,
  type ViewerHostFactory,
  type ViewerHostListener,
  type ViewerLoadReport,
} from './viewer-host';
