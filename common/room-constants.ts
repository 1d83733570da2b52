/** A room code as Realsee issues it; the bridge refuses any other before it reaches main's services. */
export const ROOM_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
