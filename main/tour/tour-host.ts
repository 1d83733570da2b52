import type { TourPageEventName, TourPageEventPayload } from '../../common/contract/tour';
import type { ViewerBounds } from '../viewer/viewer-host';

/**
 * What the tour controller needs from whatever shows the tour page: a WebContentsView with the tour
 * preload in the app (main/electron/tour-view.ts), a browser page in the end-to-end harness.
 */
export interface TourHostListener {
  /** The page could not be loaded (Chromium's error text; never the URL). */
  loadFailed(description: string): void;
  /** The page's renderer process crashed or was killed. */
  gone(reason: string): void;
}

export interface TourHost {
  /** Loads the tour page: only this URL (its session) may be shown; every other navigation is refused. */
  load(url: string): void;
  setBounds(bounds: ViewerBounds): void;
  setVisible(visible: boolean): void;
  /** Pushes an event to the page's `window.roomdeskTour` (the preload validates it again). */
  send<E extends TourPageEventName>(event: E, payload: TourPageEventPayload<E>): void;
  /** Frees the page for good. */
  close(): void;
}

export type TourHostFactory = (listener: TourHostListener) => TourHost;
