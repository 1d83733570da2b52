import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import type { ViewerBounds } from '../../lib/use-reported-bounds';
import type { ViewerBridge, ViewerState } from './viewer-bridge';

/**
 * Opens `roomCode` in main's viewer while the component is mounted and follows main's state
 * events for that room. Closing on unmount frees the page (and its ticket-bearing session).
 */
export function useViewerSession(bridge: ViewerBridge, roomCode: string, initialBounds: () => ViewerBounds) {
  const [state, setState] = useState<ViewerState | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const boundsRef = useRef(initialBounds);
  useEffect(() => {
    boundsRef.current = initialBounds;
  }, [initialBounds]);

  useEffect(() => {
    let active = true;
    const unsubscribe = bridge.onViewerState((next) => {
      if (active && (next.roomCode === roomCode || next.roomCode === null)) setState(next);
    });
    void bridge.openViewer({ roomCode, bounds: boundsRef.current() }).then((result) => {
      if (!active) return;
      if (result.ok) setState((current) => (current && current.updatedAt > result.value.updatedAt ? current : result.value));
      else setActionError(result.error);
    });
    return () => {
      active = false;
      unsubscribe();
      void bridge.closeViewer();
    };
  }, [bridge, roomCode]);

  const reload = useCallback(async () => {
    setActionError(null);
    const result = await bridge.reloadViewer({ roomCode });
    if (!result.ok) setActionError(result.error);
  }, [bridge, roomCode]);

  const close = useCallback(async () => {
    const result = await bridge.closeViewer();
    if (result.ok) setState(result.value);
  }, [bridge]);

  const reopen = useCallback(async () => {
    setActionError(null);
    const result = await bridge.openViewer({ roomCode, bounds: boundsRef.current() });
    if (!result.ok) setActionError(result.error);
  }, [bridge, roomCode]);

  return { state, actionError, setActionError, reload, close, reopen };
}
