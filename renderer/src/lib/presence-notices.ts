import type { EventPayload } from '../../../common/contract';
import { plainText } from './untrusted-text';

type PresenceChange = EventPayload<'livePresence'>['changes'][number];

/** A "joined" or "left" line about one participant, shown for a while and then dropped. */
export interface PresenceNotice {
  id: number;
  kind: 'joined' | 'left';
  name: string;
  userId: string;
}

/** How many notices show at once: the oldest go first. */
export const MAX_NOTICES = 5;
/** How long a notice stays, in ms. */
export const NOTICE_MS = 6_000;

/** The notices for a presence event's changes, numbered from `firstId`. */
export function noticesFor(changes: readonly PresenceChange[], firstId: number): PresenceNotice[] {
  return changes.map((change, index) => ({
    id: firstId + index,
    kind: change.kind,
    name: plainText(change.user.nickname || change.user.userId),
    userId: change.user.userId,
  }));
}

/** The queue with `added` at the end, keeping the newest `MAX_NOTICES`. */
export function enqueueNotices(queue: readonly PresenceNotice[], added: readonly PresenceNotice[]): PresenceNotice[] {
  return [...queue, ...added].slice(-MAX_NOTICES);
}

/** The queue without the notices whose ids are given (their time is up, or they were dismissed). */
export function dropNotices(queue: readonly PresenceNotice[], ids: readonly number[]): PresenceNotice[] {
  return queue.filter((notice) => !ids.includes(notice.id));
}
