import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { toHistoryFilter, hasActiveFilter } from './filter-query';
import { emptyFilterValues, HistoryFilters, type HistoryFilterValues } from './HistoryFilters';
import { HistoryRow } from './HistoryRow';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useHistoryPages } from './use-history-pages';
import { useNow } from '../../lib/use-now';
import { useMessages } from '../../i18n/I18nProvider';

export const DEFAULT_PAGE_SIZE = 100;
export const ROW_HEIGHT = 64;
const SEARCH_DEBOUNCE_MS = 200;
const OVERSCAN = 6;

export interface HistoryListProps {
  /** The agent opened a room (click, or Enter on the active row). */
  onOpenRoom(roomCode: string): void;
  /** Room codes selected for export. Controlled when given together with `onSelectionChange`. */
  selection?: ReadonlySet<string>;
  onSelectionChange?(next: ReadonlySet<string>): void;
  /** Profiles offered in the profile filter (shown only when there are two or more). */
  profiles?: ReadonlyArray<{ id: string; label: string }>;
  /** Change it to make the list ask main again, keeping scroll and filters (e.g. after an edit). */
  refreshKey?: number | string;
  /** How many rooms match the current filters; null while the first answer is on its way. */
  onTotalChange?(total: number | null): void;
  /** Rows fetched per `queryHistory` call. */
  pageSize?: number;
}

/**
 * Every saved room, searchable and filterable, in a virtualized list: only the rows in view (plus
 * a few) exist in the DOM, and rows are fetched from main a page at a time as they scroll in.
 * Keyboard: the list is one tab stop; arrows, Page Up/Down, Home/End move, Enter opens, Space selects.
 */
export function HistoryList({
  onOpenRoom,
  selection: controlledSelection,
  onSelectionChange,
  profiles,
  refreshKey,
  onTotalChange,
  pageSize = DEFAULT_PAGE_SIZE,
}: HistoryListProps) {
  const t = useMessages('history');
  const listId = useId();
  const now = useNow(30_000);
  const [values, setValues] = useState<HistoryFilterValues>(emptyFilterValues);
  const text = useDebouncedValue(values.text, SEARCH_DEBOUNCE_MS);
  const filter = useMemo(() => toHistoryFilter(values, text), [values, text]);
  const pages = useHistoryPages(filter, pageSize);
  const [ownSelection, setOwnSelection] = useState<ReadonlySet<string>>(new Set());
  const selection = controlledSelection ?? ownSelection;
  const setSelection = onSelectionChange ?? setOwnSelection;
  const [active, setActive] = useState(0);
  const viewportRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? -1;

  const { ensureRange, loaded } = pages;
  useEffect(() => ensureRange(firstRow, lastRow), [ensureRange, firstRow, lastRow, loaded]);

  const { reload } = pages;
  const firstRefresh = useRef(true);
  useEffect(() => {
    if (firstRefresh.current) {
      firstRefresh.current = false;
      return;
    }
    reload();
  }, [refreshKey, reload]);

  useEffect(() => onTotalChange?.(pages.total), [pages.total, onTotalChange]);

  // A new filter starts at the top.
  const filterKey = JSON.stringify(filter);
  const { scrollToOffset } = virtualizer;
  useEffect(() => {
    setActive(0);
    scrollToOffset(0);
  }, [filterKey, scrollToOffset]);

  const toggle = useCallback(
    (roomCode: string) => {
      const next = new Set(selection);
      if (next.has(roomCode)) next.delete(roomCode);
      else next.add(roomCode);
      setSelection(next);
    },
    [selection, setSelection],
  );

  const moveTo = (index: number) => {
    if (count === 0) return;
    const clamped = Math.max(0, Math.min(count - 1, index));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const perPage = Math.max(1, Math.floor((viewportRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const handled: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + perPage),
      PageUp: () => moveTo(active - perPage),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => {
        const item = pages.itemAt(active);
        if (item) onOpenRoom(item.roomCode);
      },
      ' ': () => {
        const item = pages.itemAt(active);
        if (item) toggle(item.roomCode);
      },
    };
    const action = handled[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const activeItem = count > 0 ? pages.itemAt(Math.min(active, count - 1)) : undefined;
  const ready = pages.total !== null;

  return (
    <section className="rd-history-list" aria-label={t.listLabel} data-history-list="" data-state={ready ? 'ready' : 'loading'}>
      <HistoryFilters values={values} onChange={setValues} {...(profiles ? { profiles } : {})} />
      <div className="rd-list-status">
        <span role="status" aria-live="polite">
          {ready ? t.resultCount(count) : t.loadingRows}
        </span>
        {selection.size > 0 ? (
          <span>
            {' · '}
            {t.selectedCount(selection.size)}{' '}
            <button type="button" className="link-button" onClick={() => setSelection(new Set())}>
              {t.clearSelection}
            </button>
          </span>
        ) : null}
        <span className="rd-muted rd-list-help" id={`${listId}-help`}>
          {t.listHelp}
        </span>
      </div>
      {pages.error ? (
        <ErrorPanel
          error={pages.error}
          lead={t.queryFailed}
          compact
          actions={
            <button type="button" className="button button--primary button--small" onClick={reload}>
              {t.retry}
            </button>
          }
        />
      ) : null}
      {ready && count === 0 ? <p className="rd-empty">{hasActiveFilter(values) ? t.noMatch : t.noRooms}</p> : null}
      <div
        ref={viewportRef}
        className="rd-list-viewport"
        role="listbox"
        aria-label={t.listLabel}
        aria-describedby={`${listId}-help`}
        aria-multiselectable="true"
        aria-busy={!ready}
        aria-activedescendant={activeItem ? `${listId}-row-${Math.min(active, count - 1)}` : undefined}
        tabIndex={0}
        hidden={ready && count === 0}
        onKeyDown={onKeyDown}
      >
        <div className="rd-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const item = pages.itemAt(row.index);
            const isActive = row.index === active;
            return (
              <div
                key={row.key}
                id={`${listId}-row-${row.index}`}
                role="option"
                aria-selected={item ? selection.has(item.roomCode) : false}
                aria-posinset={row.index + 1}
                aria-setsize={count}
                aria-busy={item ? undefined : true}
                data-room-code={item?.roomCode}
                className={`rd-history-row${isActive ? ' rd-history-row--active' : ''}`}
                style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                onClick={() => {
                  setActive(row.index);
                  if (item) onOpenRoom(item.roomCode);
                }}
              >
                {item ? (
                  <HistoryRow
                    item={item}
                    now={now}
                    selected={selection.has(item.roomCode)}
                    onToggleSelected={() => toggle(item.roomCode)}
                  />
                ) : (
                  <span className="rd-row__placeholder">{t.loadingRows}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
