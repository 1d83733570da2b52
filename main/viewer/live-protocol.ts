/**
 * Realsee's live channel messages as the app reads them. Server → client:
 * `{code, message, command, room_code, app_id, request_id, trigger_user_id, data}`;
 * client → server: `{command, front_request_id, data, to_user_ids?}`. Field shapes inside `data`
 * are only partly documented, so the reader accepts the spellings seen in room details too.
 */
export interface LiveUser {
  userId: string;
  nickname: string | null;
  role: string | null;
}

export interface LiveMessage {
  code: string;
  message: string;
  command: string;
  triggerUserId: string | null;
  data: unknown;
}

export function parseLiveMessage(text: string): LiveMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.command !== 'string') return null;
  return {
    code: typeof value.code === 'string' ? value.code : String(value.code ?? ''),
    message: typeof value.message === 'string' ? value.message : '',
    command: value.command,
    triggerUserId: textOrNull(value.trigger_user_id),
    data: value.data ?? null,
  };
}

export const isSuccess = (message: LiveMessage) => message.code === 'SUCCESS' || message.code === '0';

/** A user entry: `{custom_user_id | user_id, user_role | role, extension.nickname | nickname, status}`. */
export function readLiveUser(value: unknown): LiveUser | null {
  if (!isRecord(value)) return null;
  const userId = textOrNull(value.custom_user_id) ?? textOrNull(value.user_id);
  if (userId === null) return null;
  const extension = isRecord(value.extension) ? value.extension : {};
  return {
    userId,
    nickname: textOrNull(extension.nickname) ?? textOrNull(value.nickname),
    role: textOrNull(value.user_role) ?? textOrNull(value.role),
  };
}

/** USER_LIST data: an array, or `{user_list | list | users: [...]}`; entries with status 0 have left. */
export function readUserList(data: unknown): LiveUser[] | null {
  const list = Array.isArray(data) ? data : isRecord(data) ? (data.user_list ?? data.list ?? data.users) : null;
  if (!Array.isArray(list)) return null;
  const users: LiveUser[] = [];
  for (const entry of list) {
    if (isRecord(entry) && entry.status !== undefined && Number(entry.status) === 0) continue;
    const user = readLiveUser(entry);
    if (user && !users.some((known) => known.userId === user.userId)) users.push(user);
  }
  return users;
}

export function readRtcInfo(data: unknown): { voiceId: number | null; type: string | null } | null {
  if (!isRecord(data)) return null;
  const voiceId = Number(data.voice_id);
  return { voiceId: data.voice_id != null && Number.isFinite(voiceId) ? voiceId : null, type: textOrNull(data.type) };
}

export function readRoomStatus(data: unknown): number | null {
  if (!isRecord(data)) return null;
  const status = Number(data.status);
  return data.status != null && Number.isFinite(status) ? status : null;
}

/** `BUILTIN_MSG {event_type: "room_change", action: "close"}`: the room was closed for everyone. */
export function isRoomCloseEvent(message: LiveMessage): boolean {
  return message.command === 'BUILTIN_MSG' && isRecord(message.data) && message.data.event_type === 'room_change' && message.data.action === 'close';
}

export function roomCloseCommand(frontRequestId: string): string {
  return JSON.stringify({ command: 'BUILTIN_MSG', front_request_id: frontRequestId, data: { event_type: 'room_change', action: 'close' } });
}

/** Who joined and who left between two user lists. */
export function presenceChanges(before: readonly LiveUser[], after: readonly LiveUser[]): Array<{ kind: 'joined' | 'left'; user: LiveUser }> {
  const ids = (users: readonly LiveUser[]) => new Set(users.map((user) => user.userId));
  const beforeIds = ids(before);
  const afterIds = ids(after);
  return [
    ...after.filter((user) => !beforeIds.has(user.userId)).map((user) => ({ kind: 'joined' as const, user })),
    ...before.filter((user) => !afterIds.has(user.userId)).map((user) => ({ kind: 'left' as const, user })),
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOrNull(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
