import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import type { HistoryListItem, HistoryQuery } from '../../../../common/history';
import { historyBridge } from './history-bridge';

/** What the list asks for; paging is added here. */
export type HistoryFilter = Omit<HistoryQuery, 'offset' | 'limit'>;

export interface HistoryPages {
  /** Null until the first page for the current filter has arrived. */
  total: number | null;
  error: AppError | null;
  itemAt(index: number): HistoryListItem | undefined;
  /** Makes sure the rows from `first` to `last` (inclusive) are loaded or on their way. */
  ensureRange(first: number, last: number): void;
  /** Drops what is loaded and asks again (after a change in main). */
  reload(): void;
  /** Pages loaded for the current request generation (changes whenever rows arrive). */
  loaded: number;
}

/**
 * Rows of the history list, fetched from main a page at a time as they scroll into view. The
 * search itself runs in main; a change of filter starts a new generation and late answers for an
 * older one are dropped.
 */
export function useHistoryPages(filter: HistoryFilter, pageSize: number): HistoryPages {
  const key = useMemo(() => JSON.stringify(filter), [filter]);
  const pages = useRef(new Map<number, HistoryListItem[]>());
  /** After a reload, the rows shown until their fresh page arrives (no flash of empty rows). */
  const previousPages = useRef(new Map<number, HistoryListItem[]>());
  const shownKey = useRef<string | null>(null);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [, setLoadedCount] = useState(0);
  const [reloads, setReloads] = useState(0);

  const loadPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const asked = generation.current;
      const query: HistoryQuery = { ...(JSON.parse(key) as HistoryFilter), offset: page * pageSize, limit: pageSize };
      void historyBridge()
        .queryHistory(query)
        .then((result) => {
          if (asked !== generation.current) return;
          if (!result.ok) {
            requested.current.delete(page);
            setError(result.error);
            return;
          }
          pages.current.set(page, result.value.items);
          setError(null);
          setTotal(result.value.total);
          setLoadedCount((count) => count + 1);
        })
        .catch((thrown: unknown) => {
          if (asked !== generation.current) return;
          requested.current.delete(page);
          setError({ kind: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) });
        });
    },
    [key, pageSize],
  );

  useEffect(() => {
    generation.current += 1;
    const sameFilter = shownKey.current === key;
    shownKey.current = key;
    previousPages.current = sameFilter ? pages.current : new Map();
    pages.current = new Map();
    requested.current = new Set();
    if (!sameFilter) setTotal(null);
    // A new filter starts paging again; the rows themselves live in refs (see itemAt).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setError(null);
    loadPage(0);
    setLoadedCount((count) => count + 1);
  }, [key, loadPage, reloads]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) loadPage(page);
    },
    [loadPage, pageSize],
  );

  const itemAt = useCallback(
    (index: number) => {
      const page = Math.floor(index / pageSize);
      return (pages.current.get(page) ?? previousPages.current.get(page))?.[index % pageSize];
    },
    [pageSize],
  );
  const reload = useCallback(() => setReloads((count) => count + 1), []);

  // `loadedCount` re-renders whenever a page lands, so the page count read here is current.
  // eslint-disable-next-line react-hooks/refs
  return { total, error, itemAt, ensureRange, reload, loaded: pages.current.size };
}
