/** Realsee's room status numbers, as the room details answer gives them. */
export const ROOM_STATUS = { waiting: 0, live: 1, closed: 2 } as const;

/** A closed room refuses new tickets: nothing should offer to join it or invite to it. */
export function isClosedStatus(status: number | null | undefined): boolean {
  return status === ROOM_STATUS.closed;
}

/** The badge tone for a status; unknown numbers and "never fetched" share one. */
export function statusTone(status: number | null): 'waiting' | 'live' | 'closed' | 'unknown' {
  if (status === ROOM_STATUS.waiting) return 'waiting';
  if (status === ROOM_STATUS.live) return 'live';
  if (status === ROOM_STATUS.closed) return 'closed';
  return 'unknown';
}
