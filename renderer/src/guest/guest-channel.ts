import {
  builtinActions,
  builtinEvents,
  changeMicroStatusMessage,
  changePermissionMessage,
  customEventMessage,
  keyframeMessage,
  parseServerFrame,
  type ClientMessage,
  type LiveEvent,
  type ServerEnvelope,
} from '../../../common/live-protocol';

/** Why the guest's channel ended: the ticket was refused, the room closed, or the connection dropped. */
export type GuestChannelEnd = 'refused' | 'ended' | 'disconnected';

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
    options.onEvent(event, envelope);
    if (event.type === 'BUILTIN_MSG' && event.eventType === builtinEvents.roomChange && event.action === builtinActions.close) end('ended');
    if (event.type === 'USER_KICK_OUT') end('disconnected');
  });
  socket.addEventListener('close', () => end(admitted ? 'disconnected' : 'refused'));

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
