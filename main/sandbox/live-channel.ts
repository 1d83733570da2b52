import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { GatewayContext } from './gateway-context';
import { randomRequestId } from './random';
import { PARTICIPANT_STATUS, ROOM_STATUS } from './room-limits';
import type { SandboxRoomState } from './rooms';

/**
 * The live room channel (Realsee's legacy ws `room_link`): `GET /open/<room_code>?open_app_id=…
 * &ticket=…&force=0|1` upgraded to a WebSocket. The ticket is redeemed once, as on the room page.
 *
 * After a good connect the server sends ROOM_INFO, SELF_USER_INFO, USER_LIST and RTC_INFO; it
 * sends USER_LIST again whenever someone joins or leaves (through this channel or the room page),
 * relays KEYFRAME_SYNC and CUSTOM_EVENT to the others (or to `to_user_ids`), and closes the room
 * for everyone on the host's `BUILTIN_MSG {event_type:"room_change", action:"close"}`.
 *
 * Close codes: 4403 ticket refused or room full (reason: the room page's marker) · 4404 room not
 * found · 4409 another session of the same user took over (force=1) · 4410 room closed.
 */
export const LIVE_CLOSE_CODES = { refused: 4403, roomNotFound: 4404, replaced: 4409, roomClosed: 4410 } as const;

const OPEN_PATH = /^\/open\/([A-Za-z0-9]{1,64})$/;
const SWEEP_MS = 250;
const MAX_MESSAGE_BYTES = 64 * 1024;

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

export function createLiveChannel(context: GatewayContext) {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const connections = new Set<Connection>();
  /** The in-room user ids last announced per room, to notice joins and leaves from anywhere. */
  const announced = new Map<string, string>();
  const sweepTimer = setInterval(sweep, SWEEP_MS);
  sweepTimer.unref();

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const match = OPEN_PATH.exec(url.pathname);
    if (match === null) return false;
    server.handleUpgrade(request, socket, head, (webSocket) => accept(webSocket, match[1]!, url.searchParams));
    return true;
  }

  function accept(socket: WebSocket, roomCode: string, query: URLSearchParams): void {
    const room = context.rooms.get(roomCode);
    if (room === undefined) return refuse(socket, roomCode, LIVE_CLOSE_CODES.roomNotFound, 'room-not-found');
    const ticket = query.get('ticket');
    const claims = context.tickets.check(ticket, roomCode);
    if (typeof claims === 'string') return refuse(socket, roomCode, LIVE_CLOSE_CODES.refused, claims);
    const nickname = typeof claims.extension.nickname === 'string' ? claims.extension.nickname : null;
    const avatar = typeof claims.extension.avatar === 'string' ? claims.extension.avatar : null;
    const joined = context.rooms.join(roomCode, { userId: claims.userId, role: claims.role, nickname, avatar }, query.get('force') === '1');
    if (joined === 'room-closed') return refuse(socket, roomCode, LIVE_CLOSE_CODES.roomClosed, joined);
    if (joined === 'room-full') return refuse(socket, roomCode, LIVE_CLOSE_CODES.refused, joined);
    context.tickets.consume(ticket!);

    const connection: Connection = { socket, roomCode, sessionId: joined.sessionId, userId: claims.userId, role: claims.role };
    const current = context.rooms.get(roomCode)!;
    announceUsers(current);
    connections.add(connection);
    send(connection, current, 'ROOM_INFO', roomInfo(current));
    send(connection, current, 'SELF_USER_INFO', userEntry(current.participants.find((p) => p.userId === claims.userId)!));
    send(connection, current, 'USER_LIST', userList(current));
    send(connection, current, 'RTC_INFO', { voice_id: current.voiceId, type: 'trtc' });

    socket.on('message', (data, isBinary) => {
      if (!isBinary) onClientMessage(connection, data);
    });
    socket.on('close', () => {
      connections.delete(connection);
      context.rooms.leave(connection.sessionId);
      const after = context.rooms.get(roomCode);
      if (after) announceUsers(after);
    });
    socket.on('error', () => socket.terminate());
  }

  function onClientMessage(connection: Connection, data: RawData): void {
    const room = context.rooms.get(connection.roomCode);
    if (room === undefined) return;
    let message: { command?: unknown; data?: unknown; to_user_ids?: unknown };
    try {
      message = JSON.parse(data.toString()) as typeof message;
    } catch {
      return sendError(connection, room, 'PARAM_ERROR', 'the message is not JSON');
    }
    if (typeof message !== 'object' || message === null) return sendError(connection, room, 'PARAM_ERROR', 'the message must be an object');
    const body = message.data as Record<string, unknown> | null | undefined;
    switch (message.command) {
      case 'BUILTIN_MSG':
        if (body?.event_type === 'room_change' && body.action === 'close') {
          if (connection.role !== context.roles.host) return sendError(connection, room, 'FORBIDDEN', 'only the host may close the room');
          context.rooms.close(connection.roomCode);
          return closeRoomConnections(context.rooms.get(connection.roomCode)!, connection.userId);
        }
        return relay(connection, room, 'BUILTIN_MSG', body, message.to_user_ids);
      case 'KEYFRAME_SYNC':
      case 'CUSTOM_EVENT':
        return relay(connection, room, message.command, body, message.to_user_ids);
      default:
        return sendError(connection, room, 'UNKNOWN_COMMAND', `unknown command: ${String(message.command)}`);
    }
  }

  function relay(from: Connection, room: SandboxRoomState, command: string, data: unknown, toUserIds: unknown): void {
    const targets = Array.isArray(toUserIds) ? new Set(toUserIds.map(String)) : null;
    for (const connection of connections) {
      if (connection === from || connection.roomCode !== room.roomCode) continue;
      if (targets && !targets.has(connection.userId)) continue;
      send(connection, room, command, data ?? null, from.userId);
    }
  }

  /** Tells everyone the room closed, then ends their connections. */
  function closeRoomConnections(room: SandboxRoomState, triggerUserId: string | null): void {
    for (const connection of [...connections]) {
      if (connection.roomCode !== room.roomCode) continue;
      send(connection, room, 'BUILTIN_MSG', { event_type: 'room_change', action: 'close' }, triggerUserId);
      connections.delete(connection);
      connection.socket.close(LIVE_CLOSE_CODES.roomClosed, 'room-closed');
    }
    announced.delete(room.roomCode);
  }

  /** Notices rooms closed elsewhere, sessions taken over, and joins and leaves through the room page. */
  function sweep(): void {
    const rooms = new Set([...connections].map((connection) => connection.roomCode));
    for (const roomCode of rooms) {
      const room = context.rooms.get(roomCode);
      if (room === undefined) continue;
      if (room.status === ROOM_STATUS.closed) {
        closeRoomConnections(room, null);
        continue;
      }
      for (const connection of [...connections]) {
        if (connection.roomCode === roomCode && context.rooms.session(connection.sessionId, roomCode) === undefined) {
          connections.delete(connection);
          connection.socket.close(LIVE_CLOSE_CODES.replaced, 'replaced');
        }
      }
      announceUsers(room);
    }
  }

  /** Sends USER_LIST to the room's connections when who is in the room changed since the last one. */
  function announceUsers(room: SandboxRoomState): void {
    const signature = inRoom(room).map((participant) => participant.userId).sort().join('\n');
    if (announced.get(room.roomCode) === signature) return;
    announced.set(room.roomCode, signature);
    for (const connection of connections) {
      if (connection.roomCode === room.roomCode) send(connection, room, 'USER_LIST', userList(room));
    }
  }

  function refuse(socket: WebSocket, roomCode: string, code: number, marker: string): void {
    socket.send(JSON.stringify(envelope(null, roomCode, 'ERROR', marker.toUpperCase().replace(/-/g, '_'), marker, null)));
    socket.close(code, marker);
  }

  function sendError(connection: Connection, room: SandboxRoomState, code: string, text: string): void {
    connection.socket.send(JSON.stringify(envelope(room, room.roomCode, 'ERROR', code, text, null)));
  }

  function send(connection: Connection, room: SandboxRoomState, command: string, data: unknown, triggerUserId: string | null = connection.userId): void {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(JSON.stringify({ ...envelope(room, room.roomCode, command, 'SUCCESS', 'success', triggerUserId), data }));
  }

  function envelope(room: SandboxRoomState | null, roomCode: string, command: string, code: string, message: string, triggerUserId: string | null) {
    return {
      code,
      message,
      command,
      room_code: roomCode,
      app_id: room ? String(context.appNumericId(room.appKey)) : '',
      request_id: randomRequestId(),
      trigger_user_id: triggerUserId ?? '',
      data: null as unknown,
    };
  }

  const api: SandboxLiveChannel = {
    dropAll() {
      const dropped = connections.size;
      for (const connection of connections) connection.socket.terminate();
      return dropped;
    },
    connectionCount: (roomCode) => [...connections].filter((connection) => roomCode === undefined || connection.roomCode === roomCode).length,
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

function inRoom(room: SandboxRoomState) {
  return room.participants.filter((participant) => participant.status === PARTICIPANT_STATUS.inRoom);
}

function roomInfo(room: SandboxRoomState): Record<string, unknown> {
  return { room_code: room.roomCode, status: room.status, voice_id: room.voiceId, active_session_id: room.activeSessionId, create_user_id: room.createUserId };
}

function userList(room: SandboxRoomState): Record<string, unknown> {
  return { user_list: inRoom(room).map(userEntry) };
}

function userEntry(participant: SandboxRoomState['participants'][number]): Record<string, unknown> {
  return {
    custom_user_id: participant.userId,
    user_role: participant.role,
    status: participant.status,
    extension: { nickname: participant.nickname ?? participant.userId, avatar: participant.avatar ?? '' },
  };
}
