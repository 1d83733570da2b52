/**
 * What a Realsee room code looks like: letters, digits, - and _, at most 64 characters. Shared so
 * that the bridge contract, the history store and the renderer's search agree on it.
 */
export const ROOM_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isRoomCode(text: string): boolean {
  return ROOM_CODE_PATTERN.test(text);
}
