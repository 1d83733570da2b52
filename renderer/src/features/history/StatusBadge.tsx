import type { HistoryMessages } from './messages';

const tones: Record<number, string> = { 0: 'waiting', 1: 'live', 2: 'closed' };

/** Realsee's room status as the last snapshot saw it; unknown numbers are shown raw. */
export function StatusBadge({ status, t }: { status: number | null; t: HistoryMessages }) {
  const tone = status === null ? 'unknown' : (tones[status] ?? 'unknown');
  return <span className={`rd-status rd-status--${tone}`}>{t.status(status)}</span>;
}
