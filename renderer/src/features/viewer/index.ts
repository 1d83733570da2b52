/**
 * The embedded room viewer for the room page.
 *
 *   <RoomViewer roomCode={code} onBack={() => …} onClosed={() => …} obscured={menuOpen} />
 *
 * Props (see RoomViewerProps): `roomCode` (opens that room with a fresh ticket in main),
 * `onBack` (back to the room page), optional `onClosed` (after the
 * agent's own "Close"), optional `obscured` (hide the native page while host-page UI overlaps the
 * area), optional `bridge` (defaults to window.roomdesk). Give it a parent with a height: the
 * viewer area grows to fill it. For ws(s) room links it shows live presence and "End room".
 */
export { RoomViewer, type RoomViewerProps } from './RoomViewer';
export type { LivePresence, ViewerBridge, ViewerState } from './viewer-bridge';
