/** A room code as Realsee issues it; the bridge refuses any other before it reaches main's services. */
export const ROOM_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The room status that means the room has ended. Realsee does not document its status numbers;
 * this is the one value the app acts on (the viewer and the live channel stop, the room page says so).
 */
export const ROOM_CLOSED_STATUS = 2;
