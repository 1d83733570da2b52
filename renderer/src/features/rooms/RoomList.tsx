import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../lib/date-time';
import type { RoomListItem } from './room-list-source';
import { RoomStatusBadge } from '../../ui/RoomStatusBadge';

const ROW_HEIGHT = 72;

interface RoomListProps {
  items: RoomListItem[];
  label: string;
  onOpen(roomCode: string): void;
}

/** A virtualized list, so a history of thousands of rooms scrolls as smoothly as a handful. */
export function RoomList({ items, label, onOpen }: RoomListProps) {
  const { t, locale } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 800, height: 600 },
  });

  return (
    <div ref={scrollRef} className="room-list">
      <ul aria-label={label} className="room-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <li
              key={item.roomCode}
              className="room-list__row"
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              <button type="button" className="room-row" onClick={() => onOpen(item.roomCode)}>
                <span className="room-row__main">
                  <span className="room-row__title">{item.title ?? t.rooms.untitled}</span>
                  <span className="room-row__meta">
                    <span className="mono">{item.roomCode}</span>
                    {item.address ? <span> · {item.address}</span> : null}
                  </span>
                </span>
                <span className="room-row__side">
                  <RoomStatusBadge status={item.status} closed={item.closed} />
                  <span className="room-row__meta">
                    {formatDateTime(item.createdAt, locale)} · {t.rooms.guests({ count: item.guestCount })}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
