import { errorAnswer, htmlAnswer, successAnswer, type Answer } from './answer';
import { GatewayError, SANDBOX_CODES } from './envelope';
import type { GatewayCall, GatewayContext } from './gateway-context';
import { ROOM_PAGE_HEADERS } from './html';
import { parseJsonBody, requireString } from './params';
import { PARTICIPANT_STATUS, ROOM_STATUS } from './room-limits';
import { roomErrorPage, roomPage, type RoomPageError } from './room-page';
import type { SandboxParticipant } from './rooms';

type RoomAction = 'page' | 'presence' | 'close' | 'leave';

export interface RoomRoute {
  action: RoomAction;
  roomCode: string;
  method: 'GET' | 'POST';
}

const ROOM_PATH = /^\/room\/([A-Za-z0-9]{1,64})(?:\/(presence|close|leave))?$/;

/** The room page at `room_link` and the small JSON endpoints the page itself calls. */
export function matchRoomRoute(pathname: string): RoomRoute | undefined {
  const match = ROOM_PATH.exec(pathname);
  if (match === null) return undefined;
  const action = (match[2] ?? 'page') as RoomAction;
  const method = action === 'page' || action === 'presence' ? 'GET' : 'POST';
  return { action, roomCode: match[1]!, method };
}

export function handleRoomRoute(context: GatewayContext, route: RoomRoute, call: GatewayCall): Answer {
  switch (route.action) {
    case 'page':
      return enterRoom(context, route.roomCode, call);
    case 'presence':
      return presence(context, route.roomCode, call.url.searchParams.get('session'));
    case 'close':
      return closeRoom(context, route.roomCode, sessionFromBody(call));
    case 'leave':
      context.rooms.leave(sessionFromBody(call));
      return successAnswer({});
  }
}

/** Redeems the ticket (once), joins its holder and shows the room. */
function enterRoom(context: GatewayContext, roomCode: string, call: GatewayCall): Answer {
  const room = context.rooms.get(roomCode);
  if (room === undefined) return errorPage(404, 'room-not-found', roomCode);
  const ticket = call.url.searchParams.get('ticket');
  const claims = context.tickets.check(ticket, roomCode);
  if (typeof claims === 'string') return errorPage(403, claims, roomCode);
  const nickname = typeof claims.extension.nickname === 'string' ? claims.extension.nickname : null;
  const avatar = typeof claims.extension.avatar === 'string' ? claims.extension.avatar : null;
  const force = call.url.searchParams.get('force') === '1';
  const joined = context.rooms.join(roomCode, { userId: claims.userId, role: claims.role, nickname, avatar }, force);
  if (typeof joined === 'string') return errorPage(403, joined, roomCode);
  context.tickets.consume(ticket!);
  const participants = context.rooms.get(roomCode)!.participants;
  const html = roomPage({
    roomCode,
    sessionId: joined.sessionId,
    self: { displayName: nickname ?? claims.userId, role: claims.role },
    isHost: claims.role === context.roles.host,
    others: othersInRoom(participants, claims.userId).map((other) => ({ displayName: other.name, role: other.role })),
  });
  return htmlAnswer(200, html, ROOM_PAGE_HEADERS);
}

function presence(context: GatewayContext, roomCode: string, sessionId: string | null): Answer {
  const room = context.rooms.get(roomCode);
  if (room === undefined) return errorAnswer(new GatewayError(SANDBOX_CODES.business, `room not found: ${roomCode}`, 404));
  const session = context.rooms.session(sessionId, roomCode);
  if (session === undefined && room.status !== ROOM_STATUS.closed) {
    return errorAnswer(new GatewayError(SANDBOX_CODES.business, 'not in this room', 403));
  }
  const others = session === undefined ? [] : othersInRoom(room.participants, session.userId);
  return successAnswer({ room_code: roomCode, status: room.status, others });
}

function closeRoom(context: GatewayContext, roomCode: string, sessionId: string): Answer {
  const session = context.rooms.session(sessionId, roomCode);
  if (session === undefined) return errorAnswer(new GatewayError(SANDBOX_CODES.business, 'not in this room', 403));
  if (session.role !== context.roles.host) {
    return errorAnswer(new GatewayError(SANDBOX_CODES.business, 'only the host may end the room', 403));
  }
  context.rooms.close(roomCode);
  return successAnswer({ room_code: roomCode, status: context.rooms.get(roomCode)!.status });
}

function sessionFromBody(call: GatewayCall): string {
  return requireString(parseJsonBody(call.request, call.body), 'session');
}

function othersInRoom(participants: SandboxParticipant[], selfUserId: string): Array<{ name: string; role: string }> {
  return participants
    .filter((participant) => participant.status === PARTICIPANT_STATUS.inRoom && participant.userId !== selfUserId)
    .map((participant) => ({ name: participant.nickname ?? participant.userId, role: participant.role }));
}

function errorPage(httpStatus: number, error: RoomPageError, roomCode: string): Answer {
  return htmlAnswer(httpStatus, roomErrorPage(error, roomCode), ROOM_PAGE_HEADERS);
}
