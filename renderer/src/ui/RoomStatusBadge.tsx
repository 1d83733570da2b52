import type { RawStatus } from '../../../common/room-status';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Realsee's room status, shown raw ("Status 7"): its values are not documented. "Closed" comes only
 * from evidence the caller has (a close time, a close event), never from the number.
 */
export function RoomStatusBadge({ status, closed = false }: { status: RawStatus; closed?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`status status--${closed ? 'closed' : 'unknown'}`} data-status={status ?? ''}>
      {closed ? t.room.statusClosed(status) : t.room.statusLabel(status)}
    </span>
  );
}
