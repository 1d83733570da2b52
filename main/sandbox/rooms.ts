import { randomInt } from 'node:crypto';
import type { Clock } from './clock';
import { GatewayError, SANDBOX_CODES } from './envelope';
import { randomAlphanumeric, randomSecret } from './random';
import { PARTICIPANT_STATUS, ROOM_LIMITS, ROOM_STATUS, type RoomStatus } from './room-limits';

export interface RoomMember {
  userId: string;
  role: string;
  extension: Record<string, unknown>;
}

export interface SandboxParticipant {
  userId: string;
  role: string;
  nickname: string | null;
  avatar: string | null;
  /** PARTICIPANT_STATUS: 1 in the room, 0 left. */
  status: number;
  joinedAt: number;
}

export interface SandboxRoomState {
  roomCode: string;
  roomLink: string;
  appKey: string;
  /** ROOM_STATUS: 0 created, 1 active (someone joined), 2 closed. */
  status: RoomStatus;
  createUserId: string;
  createUserRole: string;
  members: RoomMember[];
  additive: Record<string, unknown>;
  voiceId: number;
  /** 0 until the first join starts a session. */
  activeSessionId: number;
  createdAt: number;
  modifiedAt: number;
  closedAt: number | null;
  participants: SandboxParticipant[];
}

export interface NewRoom {
  appKey: string;
  createUserId: string;
  createUserRole: string;
  members: RoomMember[];
  additive: Record<string, unknown>;
}

export interface PageSession {
  roomCode: string;
  userId: string;
  role: string;
}

export type JoinRefusal = 'room-closed' | 'room-full';

/** Rooms, their state machine (created → active → closed) and the room page sessions. */
export class RoomStore {
  private readonly rooms = new Map<string, SandboxRoomState>();
  private readonly sessions = new Map<string, PageSession>();
  private readonly voiceIds = new Set<number>();
  private nextActiveSessionId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly roomLinkFor: (roomCode: string, appKey: string) => string,
  ) {}

  create(input: NewRoom): SandboxRoomState {
    const now = this.clock.now();
    let roomCode = randomAlphanumeric(16);
    while (this.rooms.has(roomCode)) roomCode = randomAlphanumeric(16);
    const room: SandboxRoomState = {
      roomCode,
      roomLink: this.roomLinkFor(roomCode, input.appKey),
      appKey: input.appKey,
      status: ROOM_STATUS.created,
      createUserId: input.createUserId,
      createUserRole: input.createUserRole,
      members: input.members,
      additive: input.additive,
      voiceId: this.newVoiceId(),
      activeSessionId: 0,
      createdAt: now,
      modifiedAt: now,
      closedAt: null,
      participants: [],
    };
    this.rooms.set(roomCode, room);
    return snapshot(room);
  }

  get(roomCode: string): SandboxRoomState | undefined {
    const room = this.live(roomCode);
    return room === undefined ? undefined : snapshot(room);
  }

  list(): SandboxRoomState[] {
    return [...this.rooms.keys()].map((code) => snapshot(this.live(code)!));
  }

  /** A room of `appKey` for a gateway call; rooms of other apps do not exist for it. */
  requireForApp(roomCode: string, appKey: string): SandboxRoomState {
    const room = this.live(roomCode);
    if (room === undefined || room.appKey !== appKey) {
      throw new GatewayError(SANDBOX_CODES.business, `room not found: ${roomCode}`);
    }
    return snapshot(room);
  }

  requireOpenForApp(roomCode: string, appKey: string): SandboxRoomState {
    const room = this.requireForApp(roomCode, appKey);
    if (room.status === ROOM_STATUS.closed) {
      throw new GatewayError(SANDBOX_CODES.business, `room is closed: ${roomCode}`);
    }
    return room;
  }

  close(roomCode: string): void {
    const room = this.live(roomCode);
    if (room === undefined) throw new Error(`No sandbox room ${roomCode}`);
    if (room.status === ROOM_STATUS.closed) return;
    this.markClosed(room, this.clock.now());
  }

  /**
   * Puts a ticket holder in the room and opens a session (room page or live channel) for them. With
   * `force` the user's other sessions in this room end (Realsee's force=1: take over from another device).
   */
  join(
    roomCode: string,
    user: { userId: string; role: string; nickname: string | null; avatar: string | null },
    force = false,
  ): { sessionId: string } | JoinRefusal {
    const room = this.live(roomCode);
    if (room === undefined || room.status === ROOM_STATUS.closed) return 'room-closed';
    const now = this.clock.now();
    const existing = room.participants.find((participant) => participant.userId === user.userId);
    const inRoom = room.participants.filter((participant) => participant.status === PARTICIPANT_STATUS.inRoom);
    if (existing?.status !== PARTICIPANT_STATUS.inRoom && inRoom.length >= ROOM_LIMITS.maxUserCount) return 'room-full';
    if (existing === undefined) {
      room.participants.push({ ...user, status: PARTICIPANT_STATUS.inRoom, joinedAt: now });
    } else {
      Object.assign(existing, { role: user.role, nickname: user.nickname, avatar: user.avatar });
      existing.status = PARTICIPANT_STATUS.inRoom;
    }
    if (room.status === ROOM_STATUS.created) {
      room.status = ROOM_STATUS.active;
      room.activeSessionId = this.nextActiveSessionId++;
    }
    room.modifiedAt = now;
    if (force) {
      for (const [id, session] of this.sessions) {
        if (session.roomCode === roomCode && session.userId === user.userId) this.sessions.delete(id);
      }
    }
    const sessionId = randomSecret(18);
    this.sessions.set(sessionId, { roomCode, userId: user.userId, role: user.role });
    return { sessionId };
  }

  leave(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (session === undefined) return;
    this.sessions.delete(sessionId);
    const room = this.live(session.roomCode);
    const participant = room?.participants.find((candidate) => candidate.userId === session.userId);
    if (room === undefined || participant === undefined || room.status === ROOM_STATUS.closed) return;
    // The same user may still be in the room on another connection (force=0 keeps both).
    if ([...this.sessions.values()].some((other) => other.roomCode === session.roomCode && other.userId === session.userId)) return;
    participant.status = PARTICIPANT_STATUS.left;
    room.modifiedAt = this.clock.now();
  }

  session(sessionId: string | null, roomCode: string): PageSession | undefined {
    if (sessionId === null) return undefined;
    const session = this.sessions.get(sessionId);
    return session?.roomCode === roomCode ? session : undefined;
  }

  /** The stored room, after applying the automatic close at max_using_time. */
  private live(roomCode: string): SandboxRoomState | undefined {
    const room = this.rooms.get(roomCode);
    if (room === undefined) return undefined;
    const deadline = room.createdAt + ROOM_LIMITS.maxUsingTimeSeconds * 1000;
    if (room.status !== ROOM_STATUS.closed && this.clock.now() >= deadline) this.markClosed(room, deadline);
    return room;
  }

  private markClosed(room: SandboxRoomState, at: number): void {
    room.status = ROOM_STATUS.closed;
    room.closedAt = at;
    room.modifiedAt = at;
    for (const participant of room.participants) participant.status = PARTICIPANT_STATUS.left;
    for (const [id, session] of this.sessions) if (session.roomCode === room.roomCode) this.sessions.delete(id);
  }

  private newVoiceId(): number {
    let voiceId = randomInt(100_000_000, 999_999_999);
    while (this.voiceIds.has(voiceId)) voiceId = randomInt(100_000_000, 999_999_999);
    this.voiceIds.add(voiceId);
    return voiceId;
  }
}

function snapshot(room: SandboxRoomState): SandboxRoomState {
  return structuredClone(room);
}
