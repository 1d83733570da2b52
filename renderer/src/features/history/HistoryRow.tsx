import type { HistoryListItem } from '../../../../common/history';
import { isRoomClosed } from '../../../../common/room-status';
import { formatAge, formatDate } from '../../lib/date-time';
import { RoomStatusBadge } from '../../ui/RoomStatusBadge';
import { useI18n, useMessages } from '../../i18n/I18nProvider';

export interface HistoryRowProps {
  item: HistoryListItem;
  now: number;
  selected: boolean;
  onToggleSelected(): void;
}

/** The visible content of one history list row (the option element around it is the list's). */
export function HistoryRow({ item, now, selected, onToggleSelected }: HistoryRowProps) {
  const t = useMessages('history');
  const { locale } = useI18n();
  return (
    <>
      <span
        className={`rd-check${selected ? ' rd-check--on' : ''}`}
        aria-hidden="true"
        title={t.selectRow(item.roomCode)}
        onClick={(event) => {
          event.stopPropagation();
          onToggleSelected();
        }}
      >
        {selected ? '✓' : ''}
      </span>
      <span className="rd-row__main">
        <span className="rd-row__title">{item.title || t.untitled}</span>
        <span className="rd-row__sub">
          <span className="rd-mono">{item.roomCode}</span>
          {item.address ? <span> · {item.address}</span> : null}
        </span>
      </span>
      <span className="rd-row__status">
        <RoomStatusBadge status={item.status} closed={isRoomClosed({ closeTime: item.closeTime })} />
      </span>
      <span className="rd-row__meta">
        <span>
          {t.created} {formatDate(item.createdAt, locale)}
        </span>
        <span>{t.guests(item.guestCount)}</span>
      </span>
      <span className="rd-row__age">
        {item.lastSyncedAt === null ? t.neverSynced : t.asOf(formatAge(item.lastSyncedAt, now, locale, t.ago.justNow))}
      </span>
    </>
  );
}
