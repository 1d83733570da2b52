/** Limits the sandbox reports in room details (app.extension) and enforces. */
export const ROOM_LIMITS = {
  maxUserCount: 10,
  /** Seconds a room may exist before the sandbox closes it by itself. */
  maxUsingTimeSeconds: 2 * 60 * 60,
  keepAliveTimeSeconds: 60,
} as const;

export const ROOM_STATUS = { created: 0, active: 1, closed: 2 } as const;
export type RoomStatus = (typeof ROOM_STATUS)[keyof typeof ROOM_STATUS];

export const PARTICIPANT_STATUS = { left: 0, inRoom: 1 } as const;
