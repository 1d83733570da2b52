import { useEffect, useState } from 'react';
import type { RoomListPage, RoomListSource } from './roomListSource';

/** The first rows are plenty for a session; the history source will page with `offset`. */
const PAGE_SIZE = 500;

export function useRoomListPage(source: RoomListSource, text: string): RoomListPage | null {
  const [page, setPage] = useState<RoomListPage | null>(null);
  useEffect(() => {
    let current = true;
    void source.query({ text, offset: 0, limit: PAGE_SIZE }).then((result) => {
      if (current) setPage(result);
    });
    return () => {
      current = false;
    };
    // `source.version` says when the data behind the source changed.
  }, [source.version, text]); // eslint-disable-line react-hooks/exhaustive-deps
  return page;
}
