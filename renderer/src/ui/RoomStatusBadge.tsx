import { useI18n } from '../i18n/I18nProvider';
import { statusTone } from '../lib/room-status';

/** Realsee's room status: known values labelled, unknown ones shown raw ("Status 7"). */
export function RoomStatusBadge({ status }: { status: number | null }) {
  const { t } = useI18n();
  const kind = statusTone(status);
  return <span className={`status status--${kind}`}>{t.room.statusLabel(status)}</span>;
}
