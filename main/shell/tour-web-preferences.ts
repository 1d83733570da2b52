import type { WebPreferences } from 'electron';
import { isolationPreferences } from './isolation-preferences';

/** The tour page's own in-memory session: nothing of it is kept on disk or shared with the app or the viewer. */
export const TOUR_PARTITION = 'roomdesk-tour';

/**
 * Web preferences of the tour view: the isolation every page gets, its own partition, and the tour
 * preload, which exposes only `window.roomdeskTour` (never the app's bridge).
 */
export function tourWebPreferences(preloadPath: string): WebPreferences {
  return { partition: TOUR_PARTITION, preload: preloadPath, ...isolationPreferences };
}

/** The tour view may show its own session's page and nothing else. */
export function decideTourNavigation(url: string, sessionUrl: string | null): 'allow' | 'deny' {
  if (sessionUrl === null) return 'deny';
  try {
    const target = new URL(url);
    const allowed = new URL(sessionUrl);
    return target.origin === allowed.origin && target.pathname.startsWith(allowed.pathname) ? 'allow' : 'deny';
  } catch {
    return 'deny';
  }
}
