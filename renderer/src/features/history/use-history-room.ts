import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import type { HistoryRoom, TimelineEntry } from '../../../../common/history';
import { historyBridge } from './history-bridge';

export type SavedRoomState =
  | { phase: 'loading' }
  | { phase: 'missing' }
  | { phase: 'failed'; error: AppError }
  | { phase: 'loaded'; room: HistoryRoom; timeline: TimelineEntry[]; timeZone: string };

/** One room as the local history holds it; `reload` asks main again (keeps what is shown meanwhile). */
export function useHistoryRoom(roomCode: string): { state: SavedRoomState; reload(): Promise<void> } {
  const [state, setState] = useState<SavedRoomState>({ phase: 'loading' });
  const mounted = useRef(true);

  const reload = useCallback(async () => {
    const result = await historyBridge().getHistoryRoom({ roomCode });
    if (!mounted.current) return;
    if (result.ok) setState({ phase: 'loaded', room: result.value.room, timeline: result.value.timeline, timeZone: result.value.timeZone });
    else if (result.error.kind === 'not-found') setState({ phase: 'missing' });
    else setState({ phase: 'failed', error: result.error });
  }, [roomCode]);

  useEffect(() => {
    mounted.current = true;
    // Another room was asked for: what is shown must not be the previous one.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState({ phase: 'loading' });
    void reload();
    return () => {
      mounted.current = false;
    };
  }, [reload]);

  return { state, reload };
}
