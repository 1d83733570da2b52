import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  builtinActions,
  builtinEvents,
  clientMessageSchema,
  KICK_OUT,
  LIVE_USER_STATUS,
  MEM_STATUS_REPLACED,
  serverFrame,
  type ClientMessage,
} from '../../common/live-protocol';
import type { GatewayContext } from './gateway-context';
import { randomDigits, randomRequestId } from './random';
import { formatRealseeTime } from './realsee-time';
import { PARTICIPANT_STATUS, ROOM_STATUS } from './room-limits';
import type { SandboxParticipant, SandboxRoomState } from './rooms';

/**
 * The live room channel behind a ws `room_link`: `GET /open/<room_code>?open_app_id=<n>&ticket=…
 * &force=0|1` upgraded to a WebSocket, speaking common/live-protocol.ts. The ticket is redeemed once.
 *
 * - After a good connect: ROOM_INFO `{info, last_frame}`, SELF_USER_INFO, USER_LIST (a bare array),
 *   RTC_INFO; USER_LIST again to everyone whenever who is in the room or their state changes.
 * - BUILTIN_MSG is delivered to `data.to_user_ids` (empty = everyone) and echoed to the sender,
 *   followed by a fresh SELF_USER_INFO and USER_LIST for the sender. `user_change` actions apply to
 *   the addressed users, or to the sender when none are addressed (assumed: the wire does not say);
 *   changing anyone but oneself, kicking and closing the room are for the host role only.
 * - KEYFRAME_SYNC is relayed to the others (or the addressed users); the latest value per key is
 *   kept and sent to late joiners as ROOM_INFO `last_frame`. A user whose `permission.sync_frame`
 *   is off gets a refusal frame instead.
 * - CUSTOM_EVENT reaches only the addressed users (everyone else when none are addressed).
 * - `force=1` replaces the same user's older connections: each is sent SELF_USER_INFO with status 2
 *   and mem_status BE_REPLACE, then USER_KICK_OUT, then closed.
 * - A kicked user gets the built-in, then USER_KICK_OUT with status 1, then is closed.
 * - A closed room closes every socket after the close built-in.
 * No app close codes: a refused ticket, an unknown or closed room and a full room are closed with
 * the standard 1008 (policy violation) and a reason; bad frames get a frame whose `code` is not SUCCESS.
 */
export const LIVE_REFUSAL_CLOSE_CODE = 1008;

const OPEN_PATH = /^\/open\/([A-Za-z0-9]{1,64})$/;
const SWEEP_MS = 250;
const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_FRAME_KEYS = 32;

export interface SandboxLiveChannel {
  /** Cuts every live connection without a goodbye, as a network drop would. Returns how many. */
  dropAll(): number;
  /** Open live connections, in one room or all of them. */
  connectionCount(roomCode?: string): number;
}

interface Connection {
  socket: WebSocket;
  roomCode: string;
  sessionId: string;
  userId: string;
  role: string;
}

/** What the channel knows about a user beyond the room store: microphone, permission, standing. */
interface LiveUserState {
  microOpen: boolean;
  syncFrame: boolean;
  status: number;
  memStatus: string;
}

interface LiveRoomState {
  users: Map<string, LiveUserState>;
  lastFrame: Record<string, unknown>;
  /** The USER_LIST last sent, to notice changes made anywhere (room page included). */
  announced: string;
}

export function createLiveChannel(context: GatewayContext) {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const connections = new Set<Connection>();
  const liveRooms = new Map<string, LiveRoomState>();
  const sweepTimer = setInterval(sweep, SWEEP_MS);
  sweepTimer.unref();

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const match = OPEN_PATH.exec(url.pathname);
    if (match === null) return false;
    server.handleUpgrade(request, socket, head, (webSocket) => accept(webSocket, match[1]!, url.searchParams));
    return true;
  }

  function liveRoom(roomCode: string): LiveRoomState {
    let state = liveRooms.get(roomCode);
    if (state === undefined) {
      state = { users: new Map(), lastFrame: {}, announced: '' };
      liveRooms.set(roomCode, state);
    }
    return state;
  }

  function userState(roomCode: string, userId: string): LiveUserState {
    const users = liveRoom(roomCode).users;
    let state = users.get(userId);
    if (state === undefined) {
      state = { microOpen: false, syncFrame: true, status: LIVE_USER_STATUS.normal, memStatus: 'NORMAL' };
      users.set(userId, state);
    }
    return state;
  }

  function accept(socket: WebSocket, roomCode: string, query: URLSearchParams): void {
    socket.on('error', () => socket.terminate());
    const room = context.rooms.get(roomCode);
    if (room === undefined) return refuse(socket, 'room-not-found');
    const ticket = query.get('ticket');
    const claims = context.tickets.check(ticket, roomCode);
    if (typeof claims === 'string') return refuse(socket, claims);
    const nickname = typeof claims.extension.nickname === 'string' ? claims.extension.nickname : null;
    const avatar = typeof claims.extension.avatar === 'string' ? claims.extension.avatar : null;
    const force = query.get('force') === '1';
    const joined = context.rooms.join(roomCode, { userId: claims.userId, role: claims.role, nickname, avatar }, force);
    if (typeof joined === 'string') return refuse(socket, joined);
    context.tickets.consume(ticket!);

    if (force) {
      for (const older of [...connections]) {
        if (older.roomCode === roomCode && older.userId === claims.userId) replace(older);
      }
    }
    const state = userState(roomCode, claims.userId);
    state.status = LIVE_USER_STATUS.normal;
    state.memStatus = 'NORMAL';

    const connection: Connection = { socket, roomCode, sessionId: joined.sessionId, userId: claims.userId, role: claims.role };
    connections.add(connection);
    const current = context.rooms.get(roomCode)!;
    send(connection, current, 'ROOM_INFO', { info: roomInfo(current), last_frame: { ...liveRoom(roomCode).lastFrame } });
    send(connection, current, 'SELF_USER_INFO', userInfo(current, participantOf(current, claims.userId)!));
    send(connection, current, 'USER_LIST', userList(current));
    // Realsee names two vendors; the sandbox's own WebRTC voice calls itself TRTC here, as the SDK knows no third.
    send(connection, current, 'RTC_INFO', { voice_id: String(current.voiceId), type: context.voiceVendor === 'chime' ? 'chime' : 'trtc' });
    announceUsers(current, connection);

    socket.on('message', (data, isBinary) => {
      if (!isBinary) onClientMessage(connection, data);
    });
    socket.on('close', () => {
      if (!connections.delete(connection)) return;
      context.rooms.leave(connection.sessionId);
      const after = context.rooms.get(roomCode);
      if (after) announceUsers(after);
    });
  }

  function onClientMessage(connection: Connection, data: RawData): void {
    const room = context.rooms.get(connection.roomCode);
    if (room === undefined || !connections.has(connection)) return;
    let value: unknown;
    try {
      value = JSON.parse(data.toString());
    } catch {
      return sendRefusal(connection, room, '', 'PARAM_ERROR', 'the message is not JSON');
    }
    const parsed = clientMessageSchema.safeParse(value);
    if (!parsed.success) {
      const command = typeof (value as { command?: unknown })?.command === 'string' ? (value as { command: string }).command : '';
      return sendRefusal(connection, room, command, 'PARAM_ERROR', 'expected {command, front_request_id, data: {…, to_user_ids}}');
    }
    const message = parsed.data;
    switch (message.command) {
      case 'BUILTIN_MSG':
        return onBuiltin(connection, room, message);
      case 'KEYFRAME_SYNC':
        return onKeyframe(connection, room, message);
      case 'CUSTOM_EVENT':
        if (typeof message.data.event_id !== 'string' || message.data.event_id === '') {
          return sendRefusal(
            connection,
            room,
            message.command,
            'PARAM_ERROR',
            'a custom event needs data.event_id',
            message.front_request_id,
          );
        }
        return deliver(connection, room, message, { echo: false });
      default:
        return sendRefusal(
          connection,
          room,
          message.command,
          'UNKNOWN_COMMAND',
          `unknown command: ${message.command}`,
          message.front_request_id,
        );
    }
  }

  function onKeyframe(from: Connection, room: SandboxRoomState, message: ClientMessage): void {
    if (!userState(room.roomCode, from.userId).syncFrame) {
      return sendRefusal(from, room, message.command, 'PERMISSION_DENIED', 'sync_frame is off for this user', message.front_request_id);
    }
    const { to_user_ids: _to, ...frames } = message.data;
    const lastFrame = liveRoom(room.roomCode).lastFrame;
    for (const [key, value] of Object.entries(frames)) {
      if (key in lastFrame || Object.keys(lastFrame).length < MAX_FRAME_KEYS) lastFrame[key] = value;
    }
    deliver(from, room, message, { echo: false });
  }

  function onBuiltin(from: Connection, room: SandboxRoomState, message: ClientMessage): void {
    const body = message.data as { event_type?: unknown; action?: unknown; data?: unknown; to_user_ids?: string[] };
    const isHost = from.role === context.roles.host;
    const refuse = (text: string) => sendRefusal(from, room, message.command, 'PERMISSION_DENIED', text, message.front_request_id);
    if (typeof body.event_type !== 'string' || typeof body.action !== 'string') {
      return sendRefusal(
        from,
        room,
        message.command,
        'PARAM_ERROR',
        'a built-in message needs data.event_type and data.action',
        message.front_request_id,
      );
    }
    if (body.event_type === builtinEvents.roomChange && body.action === builtinActions.close) {
      if (!isHost) return refuse('only the host may close the room');
      context.rooms.close(room.roomCode);
      return closeRoomConnections(context.rooms.get(room.roomCode)!, from.userId, message);
    }
    const targets = body.to_user_ids && body.to_user_ids.length > 0 ? body.to_user_ids : [from.userId];
    const inner = isRecord(body.data) ? body.data : {};
    let kicked: string[] = [];
    if (body.event_type === builtinEvents.userChange) {
      if (!isHost && targets.some((userId) => userId !== from.userId)) return refuse('only the host may change other users');
      if (body.action === builtinActions.changeStatus && inner.status === KICK_OUT) {
        if (!isHost) return refuse('only the host may kick');
        kicked = targets.filter((userId) => userId !== from.userId);
      }
      for (const userId of targets) applyUserChange(room.roomCode, userId, body.action, inner);
      for (const userId of kicked) userState(room.roomCode, userId).status = LIVE_USER_STATUS.removed;
    }
    deliver(from, room, message, { echo: true });
    const after = context.rooms.get(room.roomCode)!;
    send(from, after, 'SELF_USER_INFO', userInfo(after, participantOf(after, from.userId)!), from.userId);
    send(from, after, 'USER_LIST', userList(after), from.userId);
    for (const connection of [...connections]) {
      if (connection.roomCode === room.roomCode && kicked.includes(connection.userId)) kickOut(connection, after, from.userId);
    }
    announceUsers(context.rooms.get(room.roomCode)!, from);
  }

  function applyUserChange(roomCode: string, userId: string, action: string, data: Record<string, unknown>): void {
    const state = userState(roomCode, userId);
    if (action === builtinActions.changeMicroStatus && (data.status === 'OPEN' || data.status === 'CLOSE'))
      state.microOpen = data.status === 'OPEN';
    if (action === builtinActions.changePermission && typeof data.sync_frame === 'boolean') state.syncFrame = data.sync_frame;
  }

  /** Relays a client message to its addressees (everyone else when none), echoing it to the sender when asked. */
  function deliver(from: Connection, room: SandboxRoomState, message: ClientMessage, options: { echo: boolean }): void {
    const targets = message.data.to_user_ids && message.data.to_user_ids.length > 0 ? new Set(message.data.to_user_ids) : null;
    for (const connection of connections) {
      if (connection.roomCode !== room.roomCode) continue;
      const addressed =
        connection === from
          ? options.echo
          : targets === null
            ? connection.userId !== from.userId || options.echo
            : targets.has(connection.userId);
      if (addressed) send(connection, room, message.command, message.data, from.userId, message.front_request_id);
    }
  }

  function replace(older: Connection): void {
    const room = context.rooms.get(older.roomCode);
    connections.delete(older);
    if (room !== undefined) {
      const participant = participantOf(room, older.userId);
      const told = participant
        ? { ...userInfo(room, participant), status: LIVE_USER_STATUS.replaced, mem_status: MEM_STATUS_REPLACED, current_ws_online: false }
        : null;
      send(older, room, 'SELF_USER_INFO', told, older.userId);
      send(older, room, 'USER_KICK_OUT', told, older.userId);
    }
    older.socket.close(1000, 'replaced');
  }

  function kickOut(connection: Connection, room: SandboxRoomState, triggerUserId: string): void {
    const participant = participantOf(room, connection.userId);
    send(
      connection,
      room,
      'USER_KICK_OUT',
      participant ? { ...userInfo(room, participant), current_ws_online: false } : null,
      triggerUserId,
    );
    connections.delete(connection);
    context.rooms.leave(connection.sessionId);
    connection.socket.close(1000, 'kicked');
  }

  /** Sends the close built-in to everyone (the sender's echo included), then ends their connections. */
  function closeRoomConnections(room: SandboxRoomState, triggerUserId: string, message: ClientMessage | null): void {
    const data = message?.data ?? { event_type: builtinEvents.roomChange, action: builtinActions.close, data: {}, to_user_ids: [] };
    for (const connection of [...connections]) {
      if (connection.roomCode !== room.roomCode) continue;
      const frontRequestId = message !== null && connection.userId === triggerUserId ? message.front_request_id : '';
      send(connection, room, 'BUILTIN_MSG', data, triggerUserId, frontRequestId);
      connections.delete(connection);
      connection.socket.close(1000, 'room closed');
    }
    liveRooms.delete(room.roomCode);
  }

  /** Notices rooms closed elsewhere, sessions taken over through the room page, and page joins and leaves. */
  function sweep(): void {
    const rooms = new Set([...connections].map((connection) => connection.roomCode));
    for (const roomCode of rooms) {
      const room = context.rooms.get(roomCode);
      if (room === undefined) continue;
      if (room.status === ROOM_STATUS.closed) {
        closeRoomConnections(room, '', null);
        continue;
      }
      for (const connection of [...connections]) {
        if (connection.roomCode === roomCode && context.rooms.session(connection.sessionId, roomCode) === undefined) replace(connection);
      }
      announceUsers(room);
    }
  }

  /** Sends USER_LIST to the room's connections (but `skip`, who has just had one) when it changed. */
  function announceUsers(room: SandboxRoomState, skip?: Connection): void {
    const list = userList(room);
    const signature = JSON.stringify(list);
    const state = liveRoom(room.roomCode);
    if (state.announced === signature) return;
    state.announced = signature;
    for (const connection of connections) {
      if (connection.roomCode === room.roomCode && connection !== skip) send(connection, room, 'USER_LIST', list, '');
    }
  }

  function userList(room: SandboxRoomState): Array<Record<string, unknown>> {
    return room.participants.map((participant) => userInfo(room, participant));
  }

  function userInfo(room: SandboxRoomState, participant: SandboxParticipant): Record<string, unknown> {
    const state = userState(room.roomCode, participant.userId);
    return {
      id: participant.userId,
      user_role: participant.role,
      extension: { nickname: participant.nickname ?? participant.userId, avatar: participant.avatar ?? '' },
      micro_status: state.microOpen ? 'OPEN' : 'CLOSE',
      current_ws_online: participant.status === PARTICIPANT_STATUS.inRoom,
      once_online: true,
      mem_status: state.memStatus,
      permission: { sync_frame: state.syncFrame },
      status: state.status,
    };
  }

  /** A refused connect: accepted, then closed with the standard policy-violation code and a reason. */
  function refuse(socket: WebSocket, reason: string): void {
    socket.close(LIVE_REFUSAL_CLOSE_CODE, reason);
  }

  function sendRefusal(
    connection: Connection,
    room: SandboxRoomState,
    command: string,
    code: string,
    text: string,
    frontRequestId = '',
  ): void {
    send(connection, room, command, null, connection.userId, frontRequestId, { code, message: ` 【${code}】${text} ` });
  }

  function send(
    connection: Connection,
    room: SandboxRoomState,
    command: string,
    data: unknown,
    triggerUserId = connection.userId,
    frontRequestId = '',
    outcome: { code: string; message: string } | null = null,
  ): void {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    const frame = serverFrame({
      appId: String(context.appNumericId(room.appKey)),
      command,
      data,
      requestId: liveRequestId(context.clock.now()),
      roomCode: room.roomCode,
      frontRequestId,
      triggerUserId,
      ...(outcome ?? {}),
    });
    connection.socket.send(JSON.stringify(frame));
  }

  const api: SandboxLiveChannel = {
    dropAll() {
      const dropped = connections.size;
      for (const connection of connections) connection.socket.terminate();
      return dropped;
    },
    connectionCount: (roomCode) =>
      [...connections].filter((connection) => roomCode === undefined || connection.roomCode === roomCode).length,
  };

  return {
    handleUpgrade,
    api,
    close(): void {
      clearInterval(sweepTimer);
      for (const connection of connections) connection.socket.terminate();
      connections.clear();
      server.close();
    },
  };
}

/** Realsee's request id shape: `<digits>_<yyyymmddhhmmss>_<32 hex>`. */
export function liveRequestId(now: number): string {
  return `${randomDigits(10)}_${formatRealseeTime(now).replace(/\D/g, '')}_${randomRequestId()}`;
}

function participantOf(room: SandboxRoomState, userId: string): SandboxParticipant | undefined {
  return room.participants.find((participant) => participant.userId === userId);
}

function roomInfo(room: SandboxRoomState): Record<string, unknown> {
  return {
    room_code: room.roomCode,
    status: room.status,
    voice_id: String(room.voiceId),
    active_session_id: room.activeSessionId,
    create_user_id: room.createUserId,
    create_time: formatRealseeTime(room.createdAt),
    close_time: room.closedAt === null ? '' : formatRealseeTime(room.closedAt),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
