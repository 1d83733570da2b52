import {
  builtinActions,
  builtinEvents,
  changeMicroStatusMessage,
  changePermissionMessage,
  customEventMessage,
  keyframeMessage,
  parseServerFrame,
  standingOf,
  type ClientMessage,
  type LiveEvent,
  type ServerEnvelope,
} from '../../../common/live-protocol';

/**
 * Why the guest's channel ended. Before the room lets the guest in, the close reason says why it
 * refused (`refused` when it says nothing known); afterwards the room ended, the same link took over
 * on another device, the agent removed the guest, or the connection dropped.
 */
export type GuestChannelEnd =
  | 'refused'
  | 'used'
  | 'expired'
  | 'roomClosed'
  | 'otherRoom'
  | 'unknownRoom'
  | 'badTicket'
  | 'full'
  | 'ended'
  | 'replaced'
  | 'removed'
  | 'disconnected';

/**
 * Close reasons of a refused connect, as the sandbox words them (policy-violation close 1008).
 * Realsee documents no reasons of its own: any other reason reads as a ticket used or expired.
 */
const REFUSAL_REASONS: Record<string, GuestChannelEnd> = {
  'room-closed': 'roomClosed',
  'ticket-used': 'used',
  'ticket-expired': 'expired',
  'ticket-foreign': 'otherRoom',
  'room-not-found': 'unknownRoom',
  'ticket-invalid': 'badTicket',
  'ticket-missing': 'badTicket',
  'room-full': 'full',
};

export function refusalFromCloseReason(reason: string): GuestChannelEnd {
  return Object.hasOwn(REFUSAL_REASONS, reason) ? REFUSAL_REASONS[reason]! : 'refused';
}

export interface GuestChannelOptions {
  /** The room link with the pass's ticket and `force=1` (common/guest-link.ts `guestSocketUrl`). */
  url: string;
  onEvent(event: LiveEvent, envelope: ServerEnvelope): void;
  /** Called once, when the channel is over for good. */
  onEnd(reason: GuestChannelEnd): void;
  createSocket?: (url: string) => WebSocket;
}

/**
 * The guest page's own connection to the room's live channel. A ticket is single-use, so it never
 * reconnects: a connection closed before ROOM_INFO is a refused ticket ("ask your agent for a new
 * link"), a room_change close built-in ends the room, and any other close is a lost connection.
 */
export function connectGuestChannel(options: GuestChannelOptions) {
  const socket = (options.createSocket ?? ((url) => new WebSocket(url)))(options.url);
  let admitted = false;
  let replaced = false;
  let ended: GuestChannelEnd | null = null;
  let counter = 0;

  function end(reason: GuestChannelEnd): void {
    if (ended !== null) return;
    ended = reason;
    options.onEnd(reason);
  }

  socket.addEventListener('message', (message) => {
    if (ended !== null || typeof message.data !== 'string') return;
    const parsed = parseServerFrame(message.data);
    if (!parsed.ok) return;
    const { event, envelope } = parsed.frame;
    if (event.type === 'ROOM_INFO') admitted = true;
    if (event.type === 'SELF_USER_INFO') replaced = standingOf(event.user) === 'replaced';
    options.onEvent(event, envelope);
    if (event.type === 'BUILTIN_MSG' && event.eventType === builtinEvents.roomChange && event.action === builtinActions.close) end('ended');
    if (event.type === 'USER_KICK_OUT') end(replaced || (event.user && standingOf(event.user) === 'replaced') ? 'replaced' : 'removed');
  });
  socket.addEventListener('close', (close) => end(admitted ? 'disconnected' : refusalFromCloseReason(close.reason ?? '')));

  function send(message: ClientMessage): void {
    if (socket.readyState !== WebSocket.OPEN) throw new Error('The tour connection is not open.');
    socket.send(JSON.stringify(message));
  }
  const nextId = () => `guest-${Date.now().toString(36)}-${(counter += 1)}`;

  return {
    sendKeyframe: (frames: Record<string, unknown>) => send(keyframeMessage(nextId(), frames)),
    setSyncFramePermission: (userId: string, allowed: boolean) => send(changePermissionMessage(nextId(), userId, { sync_frame: allowed })),
    /** An app-defined message to the listed users (everyone else when none). */
    sendCustomEvent: (eventId: string, data: unknown, toUserIds: readonly string[] = []) =>
      send(customEventMessage(nextId(), eventId, data, toUserIds)),
    /** The guest's own microphone state, which the room shows everyone (BUILTIN_MSG change_micro_status). */
    setMicrophone: (open: boolean) => send(changeMicroStatusMessage(nextId(), open)),
    close(): void {
      socket.close(1000, 'guest left');
    },
  };
}

export type GuestChannel = ReturnType<typeof connectGuestChannel>;
