import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import type { RoomSummary } from '../../../../common/room';
import { roomBridge } from './room-bridge';
import { useLatest } from '../../lib/use-latest';

export const AUTO_REFRESH_MS = 10_000;

export interface RoomDetailsState {
  summary: RoomSummary | null;
  error: AppError | null;
  refreshing: boolean;
  /** When the shown details arrived; stays on the last good answer when a refresh fails. */
  lastUpdated: number | null;
  refresh(): void;
}

/**
 * Room details from the gateway, refreshed every 10 s while the window is visible and at once when
 * it becomes visible again after a while. Only one request is in flight at a time.
 */
export function useRoomDetails(roomCode: string, onUpdate?: (summary: RoomSummary) => void): RoomDetailsState {
  const [summary, setSummary] = useState<RoomSummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [lastUpdated, setLastUpdated] = useState<number | null>(null);
  const inFlight = useRef(false);
  const lastUpdatedRef = useRef(0);
  const onUpdateRef = useLatest(onUpdate);
  const mounted = useRef(true);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    const result = await roomBridge().getRoomDetails({ roomCode });
    inFlight.current = false;
    if (!mounted.current) return;
    setRefreshing(false);
    if (result.ok) {
      const now = Date.now();
      lastUpdatedRef.current = now;
      setSummary(result.value);
      setLastUpdated(now);
      setError(null);
      onUpdateRef.current?.(result.value);
    } else {
      setError(result.error);
    }
  }, [roomCode, onUpdateRef]);

  useEffect(() => {
    mounted.current = true;
    // refresh() sets state only after the bridge answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, AUTO_REFRESH_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastUpdatedRef.current >= AUTO_REFRESH_MS) void refresh();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      mounted.current = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [refresh]);

  return { summary, error, refreshing, lastUpdated, refresh: () => void refresh() };
}
