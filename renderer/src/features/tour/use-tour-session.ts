import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../common/errors';
import type { ViewerBounds } from '../../lib/use-reported-bounds';
import type { Locale } from '../../i18n/locale';
import type { TourBridge } from './tour-bridge';

/**
 * Opens the tour of `roomCode` in main while the component is mounted, and closes it on unmount
 * (leaving the tour; the room stays open). `reopen` starts it again after a failure.
 */
export function useTourSession(bridge: TourBridge, roomCode: string, locale: Locale, initialBounds: () => ViewerBounds) {
  const [openError, setOpenError] = useState<AppError | null>(null);
  const boundsRef = useRef(initialBounds);
  useEffect(() => {
    boundsRef.current = initialBounds;
  }, [initialBounds]);

  useEffect(() => {
    let active = true;
    void bridge.openTour({ roomCode, bounds: boundsRef.current(), locale }).then((result) => {
      if (active && !result.ok) setOpenError(result.error);
    });
    return () => {
      active = false;
      void bridge.closeTour();
    };
  }, [bridge, roomCode, locale]);

  const reopen = useCallback(async () => {
    setOpenError(null);
    await bridge.closeTour();
    const result = await bridge.openTour({ roomCode, bounds: boundsRef.current(), locale });
    if (!result.ok) setOpenError(result.error);
  }, [bridge, roomCode, locale]);

  return { openError, reopen };
}
