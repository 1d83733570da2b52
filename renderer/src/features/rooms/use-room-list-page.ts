import { useEffect, useState } from 'react';
import type { Result } from '../../../../common/errors';
import type { RoomListPage, RoomListSource } from './room-list-source';

/** The first rows; a source may hold thousands, and a search narrows them down. */
const PAGE_SIZE = 500;

export function useRoomListPage(source: RoomListSource, text: string): Result<RoomListPage> | null {
  const [page, setPage] = useState<Result<RoomListPage> | null>(null);
  useEffect(() => {
    let current = true;
    void source.query({ text, offset: 0, limit: PAGE_SIZE }).then((result) => {
      if (current) setPage(result);
    });
    return () => {
      current = false;
    };
    // The caller memoises `source` on its version, so a new source means the data behind it changed.
  }, [source, text]);
  return page;
}
