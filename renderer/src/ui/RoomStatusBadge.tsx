import { useI18n } from '../i18n/I18nProvider';

const tone: Record<number, string> = { 0: 'waiting', 1: 'live', 2: 'closed' };

/** Realsee's room status: known values labelled, unknown ones shown raw ("Status 7"). */
export function RoomStatusBadge({ status }: { status: number | null }) {
  const { t } = useI18n();
  const kind = status === null ? 'unknown' : (tone[status] ?? 'unknown');
  return <span className={`status status--${kind}`}>{t.room.statusLabel(status)}</span>;
}
