import { z } from 'zod';

/**
 * Realsee's live room channel (the WebSocket behind a ws(s) `room_link`), as one set of schemas
 * and builders for both ends: main's client, the sandbox twin, and later the tour and guest page.
 *
 * Server → client: `{app_id, code, command, data, front_request_id, message, request_id, room_code,
 * trigger_user_id}`. Client → server: `{command, front_request_id, data: {…, to_user_ids}}` with
 * `to_user_ids` inside `data` (empty = everyone). Unknown commands and unknown fields are kept.
 * This module must stay free of Node and DOM APIs: it is bundled into every process.
 */

export const liveCommands = [
  'SELF_USER_INFO',
  'ROOM_INFO',
  'USER_LIST',
  'RTC_INFO',
  'BUILTIN_MSG',
  'CUSTOM_EVENT',
  'KEYFRAME_SYNC',
  'USER_KICK_OUT',
] as const;
export type LiveCommand = (typeof liveCommands)[number];

export const LIVE_SUCCESS_CODE = 'SUCCESS';
/** The `message` of every successful frame on the wire, spaces included. */
export const LIVE_SUCCESS_MESSAGE = ' 【SUCCESS】 ';
/** Frames longer than this are skipped unread (a keyframe is ~300 bytes; a user list of 50 a few KiB). */
export const MAX_LIVE_FRAME_CHARS = 256 * 1024;

/** UserInfo.status: 0 normal, 1 removed (kicked), 2 replaced by the same user's newer connection. */
export const LIVE_USER_STATUS = { normal: 0, removed: 1, replaced: 2 } as const;
/** UserInfo.mem_status of a session another connection of the same user took over. */
export const MEM_STATUS_REPLACED = 'BE_REPLACE';
/** The key the official demo syncs Five's view state under. */
export const FIVE_STATE_KEY = 'FiveState';

/** Ids arrive as strings; numbers are accepted and read as their decimal text. */
const idText = z.union([z.string(), z.number().finite()]).transform((value) => String(value));
const flag = z.union([z.boolean(), z.number()]);
export const toUserIdsSchema = z.array(idText).max(1_000);

export const userInfoSchema = z.looseObject({
  id: idText.pipe(z.string().min(1)),
  user_role: z.string().nullish(),
  /** An object on the wire; a JSON-encoded string (as in ticket requests) is tolerated. */
  extension: z.union([z.looseObject({ nickname: z.string().nullish(), avatar: z.string().nullish() }), z.string()]).nullish(),
  /** "OPEN" / "CLOSE" as `change_micro_status` sets it; booleans and 0/1 are tolerated. */
  micro_status: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  current_ws_online: flag.nullish(),
  once_online: flag.nullish(),
  mem_status: z.string().nullish(),
  permission: z.looseObject({ sync_frame: flag.nullish() }).nullish(),
  status: z.union([z.number(), z.string()]).nullish(),
});
export type UserInfo = z.output<typeof userInfoSchema>;

export const serverEnvelopeSchema = z.looseObject({
  app_id: idText.optional(),
  code: z.union([z.string(), z.number()]).transform((value) => String(value)),
  /** Empty only on a refusal of a message whose command could not be read. */
  command: z.string(),
  data: z.unknown(),
  front_request_id: z.string().nullish(),
  message: z.string().nullish(),
  request_id: z.string().nullish(),
  room_code: z.string().nullish(),
  trigger_user_id: idText.nullish(),
});
export type ServerEnvelope = z.output<typeof serverEnvelopeSchema>;
/** Every envelope key present and typed, as on the wire; the sandbox's frames are checked against it. */
export const wireServerEnvelopeSchema = serverEnvelopeSchema.required();

export const clientMessageSchema = z.looseObject({
  command: z.string().min(1),
  front_request_id: z.string(),
  data: z.looseObject({ to_user_ids: toUserIdsSchema.optional() }),
});
export type ClientMessage = z.output<typeof clientMessageSchema>;

export const roomInfoDataSchema = z.looseObject({
  info: z.looseObject({
    room_code: z.string().nullish(),
    status: z.union([z.number(), z.string()]).nullish(),
    close_time: z.string().nullish(),
  }),
  last_frame: z.record(z.string(), z.unknown()).nullish(),
});
export const userListDataSchema = z.array(userInfoSchema);
export const rtcInfoDataSchema = z.looseObject({
  voice_id: idText.nullish(),
  type: z.string().nullish(),
});
export const builtinDataSchema = z.looseObject({
  event_type: z.string(),
  action: z.string(),
  data: z.unknown(),
  to_user_ids: toUserIdsSchema.nullish(),
});
export const customEventDataSchema = z.looseObject({
  event_id: z.string().min(1),
  data: z.unknown(),
  to_user_ids: toUserIdsSchema.nullish(),
});
export const keyframeDataSchema = z.record(z.string(), z.unknown());

export type LiveEvent =
  | { type: 'ROOM_INFO'; info: z.output<typeof roomInfoDataSchema>['info']; lastFrame: Record<string, unknown> }
  | { type: 'SELF_USER_INFO'; user: UserInfo }
  | { type: 'USER_LIST'; users: UserInfo[] }
  | { type: 'RTC_INFO'; voiceId: string | null; vendor: string | null }
  | { type: 'BUILTIN_MSG'; eventType: string; action: string; payload: unknown; toUserIds: string[] }
  | { type: 'CUSTOM_EVENT'; eventId: string; payload: unknown; toUserIds: string[] }
  | { type: 'KEYFRAME_SYNC'; frames: Record<string, unknown>; toUserIds: string[] }
  /** Sent to a connection that was kicked or replaced; `user` when the data is a UserInfo. */
  | { type: 'USER_KICK_OUT'; user: UserInfo | null }
  /** A command this build does not know: kept, never fatal. */
  | { type: 'UNKNOWN'; command: string }
  /** A frame whose `code` is not SUCCESS: the server refused something. */
  | { type: 'REFUSED'; command: string; code: string; message: string };

export interface LiveFrame {
  envelope: ServerEnvelope;
  event: LiveEvent;
}

export type LiveFrameResult = { ok: true; frame: LiveFrame } | { ok: false; problem: string };

/** Parses one server frame. Never throws: a frame that cannot be used comes back as a problem to log once. */
export function parseServerFrame(text: string, expect: { roomCode?: string } = {}): LiveFrameResult {
  if (text.length > MAX_LIVE_FRAME_CHARS) return { ok: false, problem: `frame too large (${text.length} characters)` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'frame is not JSON' };
  }
  const envelope = serverEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, problem: `not a live channel envelope: ${firstIssue(envelope.error)}` };
  const roomCode = envelope.data.room_code;
  if (expect.roomCode !== undefined && roomCode && roomCode !== expect.roomCode) {
    return { ok: false, problem: 'frame for another room' };
  }
  const event = readEvent(envelope.data);
  return 'problem' in event
    ? { ok: false, problem: `${envelope.data.command}: ${event.problem}` }
    : { ok: true, frame: { envelope: envelope.data, event } };
}

export const isSuccessCode = (code: string): boolean => code === LIVE_SUCCESS_CODE || code === '0';

function readEvent(envelope: ServerEnvelope): LiveEvent | { problem: string } {
  const { command, data } = envelope;
  if (!isSuccessCode(envelope.code)) return { type: 'REFUSED', command, code: envelope.code, message: (envelope.message ?? '').trim() };
  const read = <T extends z.ZodType>(schema: T, toEvent: (value: z.output<T>) => LiveEvent): LiveEvent | { problem: string } => {
    const result = schema.safeParse(data);
    return result.success ? toEvent(result.data) : { problem: firstIssue(result.error) };
  };
  switch (command) {
    case 'ROOM_INFO':
      return read(roomInfoDataSchema, (room) => ({ type: 'ROOM_INFO', info: room.info, lastFrame: room.last_frame ?? {} }));
    case 'SELF_USER_INFO':
      return read(userInfoSchema, (user) => ({ type: 'SELF_USER_INFO', user }));
    case 'USER_LIST':
      return read(userListDataSchema, (users) => ({ type: 'USER_LIST', users }));
    case 'RTC_INFO':
      return read(rtcInfoDataSchema, (rtc) => ({ type: 'RTC_INFO', voiceId: rtc.voice_id || null, vendor: rtc.type ?? null }));
    case 'BUILTIN_MSG':
      return read(builtinDataSchema, (builtin) => ({
        type: 'BUILTIN_MSG',
        eventType: builtin.event_type,
        action: builtin.action,
        payload: builtin.data,
        toUserIds: builtin.to_user_ids ?? [],
      }));
    case 'CUSTOM_EVENT':
      return read(customEventDataSchema, (custom) => ({
        type: 'CUSTOM_EVENT',
        eventId: custom.event_id,
        payload: custom.data,
        toUserIds: custom.to_user_ids ?? [],
      }));
    case 'KEYFRAME_SYNC':
      return read(keyframeDataSchema, ({ to_user_ids: to, ...frames }) => {
        const toUserIds = toUserIdsSchema.safeParse(to ?? []);
        return { type: 'KEYFRAME_SYNC', frames, toUserIds: toUserIds.success ? toUserIds.data : [] };
      });
    case 'USER_KICK_OUT': {
      const user = userInfoSchema.safeParse(data);
      return { type: 'USER_KICK_OUT', user: user.success ? user.data : null };
    }
    default:
      return { type: 'UNKNOWN', command };
  }
}

// ── Reading UserInfo ────────────────────────────────────────────────────────────────────────

export type MicrophoneState = 'open' | 'closed';
export type LiveUserStanding = 'normal' | 'removed' | 'replaced';

export function microphoneOf(user: UserInfo): MicrophoneState | null {
  const value = user.micro_status;
  if (value === true || value === 1 || (typeof value === 'string' && value.toUpperCase() === 'OPEN')) return 'open';
  if (value === false || value === 0 || (typeof value === 'string' && value.toUpperCase() === 'CLOSE')) return 'closed';
  return null;
}

/** `current_ws_online`: true / 1 online, false / 0 offline, absent unknown (null). */
export function isOnline(user: UserInfo): boolean | null {
  const value = user.current_ws_online;
  return value === undefined || value === null ? null : value === true || value === 1;
}

export function standingOf(user: UserInfo): LiveUserStanding {
  if (user.mem_status === MEM_STATUS_REPLACED || Number(user.status) === LIVE_USER_STATUS.replaced) return 'replaced';
  if (Number(user.status) === LIVE_USER_STATUS.removed) return 'removed';
  return 'normal';
}

/** `permission.sync_frame`: only an explicit false / 0 takes keyframe sending away. */
export function maySyncFrame(user: UserInfo): boolean {
  const value = user.permission?.sync_frame;
  return !(value === false || value === 0);
}

export function nicknameOf(user: UserInfo): string | null {
  let extension = user.extension;
  if (typeof extension === 'string') {
    try {
      const decoded: unknown = JSON.parse(extension);
      extension = typeof decoded === 'object' && decoded !== null ? (decoded as { nickname?: string | null }) : null;
    } catch {
      extension = null;
    }
  }
  const nickname = extension?.nickname;
  return typeof nickname === 'string' && nickname !== '' ? nickname : null;
}

// ── Building client messages ────────────────────────────────────────────────────────────────

export const builtinEvents = {
  userChange: 'user_change',
  roomChange: 'room_change',
} as const;

export const builtinActions = {
  changeMicroStatus: 'change_micro_status',
  syncMicroStatus: 'sync_micro_status',
  changeStatus: 'change_status',
  changeInfo: 'change_info',
  changePermission: 'change_permission',
  close: 'close',
} as const;

export const KICK_OUT = 'KICK_OUT';

export function clientMessage(
  command: string,
  frontRequestId: string,
  data: Record<string, unknown>,
  toUserIds: readonly string[] = [],
): ClientMessage {
  return { command, front_request_id: frontRequestId, data: { ...data, to_user_ids: [...toUserIds] } };
}

export function keyframeMessage(frontRequestId: string, frames: Record<string, unknown>, toUserIds: readonly string[] = []): ClientMessage {
  return clientMessage('KEYFRAME_SYNC', frontRequestId, frames, toUserIds);
}

export function customEventMessage(
  frontRequestId: string,
  eventId: string,
  data: unknown,
  toUserIds: readonly string[] = [],
): ClientMessage {
  return clientMessage('CUSTOM_EVENT', frontRequestId, { event_id: eventId, data }, toUserIds);
}

export function builtinMessage(
  frontRequestId: string,
  eventType: string,
  action: string,
  data: Record<string, unknown>,
  toUserIds: readonly string[] = [],
): ClientMessage {
  return clientMessage('BUILTIN_MSG', frontRequestId, { event_type: eventType, action, data }, toUserIds);
}

/** Exactly the SDK's close: `{event_type:"room_change", action:"close", data:{}, to_user_ids:[]}`. */
export const closeRoomMessage = (frontRequestId: string) =>
  builtinMessage(frontRequestId, builtinEvents.roomChange, builtinActions.close, {});

/** A user_change built-in applies to the users in `to_user_ids`, or to the sender when it is empty. */
export const kickMessage = (frontRequestId: string, userId: string) =>
  builtinMessage(frontRequestId, builtinEvents.userChange, builtinActions.changeStatus, { status: KICK_OUT }, [userId]);

export const changePermissionMessage = (frontRequestId: string, userId: string, permission: { sync_frame: boolean }) =>
  builtinMessage(frontRequestId, builtinEvents.userChange, builtinActions.changePermission, { ...permission }, [userId]);

/** Opens or closes a microphone: the sender's own with no user id, someone else's (host) with one. */
export const changeMicroStatusMessage = (frontRequestId: string, open: boolean, userId?: string) =>
  builtinMessage(
    frontRequestId,
    builtinEvents.userChange,
    builtinActions.changeMicroStatus,
    { status: open ? 'OPEN' : 'CLOSE' },
    userId === undefined ? [] : [userId],
  );

// ── Building server frames (the sandbox twin) ───────────────────────────────────────────────

export interface ServerFrameFields {
  appId: string;
  command: string;
  data: unknown;
  requestId: string;
  roomCode: string;
  frontRequestId?: string;
  triggerUserId?: string;
  code?: string;
  message?: string;
}

/** A server frame with the wire's keys in the wire's order. */
export function serverFrame(fields: ServerFrameFields): ServerEnvelope {
  return {
    app_id: fields.appId,
    code: fields.code ?? LIVE_SUCCESS_CODE,
    command: fields.command,
    data: fields.data,
    front_request_id: fields.frontRequestId ?? '',
    message: fields.message ?? LIVE_SUCCESS_MESSAGE,
    request_id: fields.requestId,
    room_code: fields.roomCode,
    trigger_user_id: fields.triggerUserId ?? '',
  };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
