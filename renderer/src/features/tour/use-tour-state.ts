import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import { defaultTourBridge, type TourBridge, type TourState } from './tour-bridge';

/**
 * The tour of `roomCode` as main reports it (phase, failure, who leads), or null while no tour of
 * that room was ever opened. Any number of components may use it: each follows main's events.
 */
export function useTourState(roomCode: string, givenBridge?: TourBridge): TourState | null {
  const bridge = useMemo(() => givenBridge ?? defaultTourBridge(), [givenBridge]);
  const [state, setState] = useState<TourState | null>(null);
  useEffect(() => {
    let active = true;
    const accept = (next: TourState) => {
      if (active && next.roomCode === roomCode) setState((current) => (current && current.updatedAt > next.updatedAt ? current : next));
    };
    const unsubscribe = bridge.onTourState(accept);
    void bridge.getTourState().then((result) => result.ok && accept(result.value));
    return () => {
      active = false;
      unsubscribe();
    };
  }, [bridge, roomCode]);
  return state;
}

/** Hand control of the view to a guest, and take it back (host only; the tour page's guided viewing does it). */
export function useTourCommands(roomCode: string, givenBridge?: TourBridge) {
  const bridge = useMemo(() => givenBridge ?? defaultTourBridge(), [givenBridge]);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(
    async (command: { type: 'handOver'; userId: string } | { type: 'takeBack' }): Promise<boolean> => {
      setError(null);
      const result = await bridge.tourCommand({ roomCode, command });
      if (!result.ok) setError(result.error);
      return result.ok && result.value.sent;
    },
    [bridge, roomCode],
  );
  return {
    handOver: useCallback((userId: string) => run({ type: 'handOver', userId }), [run]),
    takeBack: useCallback(() => run({ type: 'takeBack' }), [run]),
    error,
  };
}
