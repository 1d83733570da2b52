import type { RawStatus } from '../../../common/room-status';
import type { HistoryMessages } from './messages';

/**
 * Realsee's room status as the last snapshot saw it, shown raw (its values are not documented);
 * "Closed" only when the caller has evidence of it (see common/room-status.ts).
 */
export function StatusBadge({ status, closed = false, t }: { status: RawStatus; closed?: boolean; t: HistoryMessages }) {
  return <span className={`rd-status rd-status--${closed ? 'closed' : 'unknown'}`}>{closed ? t.statusClosed(status) : t.status(status)}</span>;
}
