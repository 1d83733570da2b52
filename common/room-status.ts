import { z } from 'zod';

/**
 * What Realsee's statuses mean, in one place for main and renderer. Statuses arrive as numbers in
 * Realsee's examples, but nothing promises it: text is kept as it came, and every value without a
 * documented meaning is shown raw.
 */

export const rawStatusSchema = z.union([z.number(), z.string()]).nullable();
export type RawStatus = z.infer<typeof rawStatusSchema>;

/**
 * A participant's `status` in room details, read as Realsee's live SDK reads its UserStatus:
 * 0 normal, 1 removed (kicked out), 2 replaced (the same user joined again elsewhere). It says
 * nothing about being online: 0 is not "left".
 */
export const participantStatusMeanings = { 0: 'normal', 1: 'removed', 2: 'replaced' } as const;
export type ParticipantStatusMeaning = (typeof participantStatusMeanings)[keyof typeof participantStatusMeanings];

/** The meaning of a participant status, or null when it has none we know (then show it raw). */
export function participantStatusMeaning(status: RawStatus): ParticipantStatusMeaning | null {
  const code = typeof status === 'string' && /^\s*\d+\s*$/.test(status) ? Number(status) : status;
  if (code === 0 || code === 1 || code === 2) return participantStatusMeanings[code];
  return null;
}

/**
 * Room `status` values are not documented, so none of them on its own says a room is closed. A
 * room is closed only on evidence: a close event (the live channel's, or one this app recorded),
 * a non-empty `close_time`, or the gateway refusing the room as closed.
 */
export function isRoomClosed(evidence: { closeTime?: string | null; closeEvent?: boolean; refusedAsClosed?: boolean }): boolean {
  return Boolean(evidence.closeEvent) || Boolean(evidence.refusedAsClosed) || (evidence.closeTime ?? '').trim() !== '';
}

/** A status as it came, for display: `7`, `"ended"`; null when Realsee sent none. */
export function rawStatusText(status: RawStatus): string | null {
  return status === null ? null : String(status);
}
