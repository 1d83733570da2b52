/**
 * What the viewer controller needs from whatever shows the room page: an Electron
 * WebContentsView in the app (main/electron/viewer-view.ts), a browser page in the end-to-end
 * harness. The controller owns every decision; a host only does what it is told and reports.
 */
export interface ViewerBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the room page shows, read by `ROOM_PAGE_PROBE` after each load and while it is shown. */
export interface RoomPageProbe {
  /** The page's refusal marker (`data-room-error`), e.g. `ticket-used`; null on a room page. */
  roomError: string | null;
  /** The page says the agent is no longer in the room (`data-room-ended`). */
  ended: boolean;
}

export interface ViewerLoadReport {
  /** The HTTP status of the main document; null when the host cannot tell. */
  httpStatus: number | null;
  probe: RoomPageProbe;
}

export interface ViewerHostListener {
  /**
   * Every navigation the page (or a frame in it) tries to make, redirects included, before it
   * happens. The host blocks it unless the answer is 'allow'.
   */
  navigationAttempt(url: string, isMainFrame: boolean): 'allow' | 'deny';
  /** The main document finished loading (whichever way it started: our load, a page reload…). */
  loaded(report: ViewerLoadReport): void;
  /** The main document failed to load. Aborted navigations (blocked ones) are not reported. */
  loadFailed(failure: { errorCode: number; description: string }): void;
  titleChanged(title: string): void;
  /** The page's renderer process crashed or was killed. */
  gone(reason: string): void;
}

export interface ViewerHost {
  /** Starts loading `url`; the outcome arrives through the listener. */
  load(url: string): void;
  setBounds(bounds: ViewerBounds): void;
  setVisible(visible: boolean): void;
  /** Reads what the page shows now; null when the page cannot be read (still loading, gone). */
  probe(): Promise<RoomPageProbe | null>;
  /** Frees the page for good; no listener call follows. */
  close(): void;
}

export type ViewerHostFactory = (listener: ViewerHostListener) => ViewerHost;

/**
 * Evaluated in the room page (an isolated world in Electron): the sandbox's markers, which a
 * Realsee page does not have, so there it reads as "no refusal, not ended".
 */
export const ROOM_PAGE_PROBE = `(() => ({
  roomError: document.querySelector('[data-room-error]')?.getAttribute('data-room-error') ?? null,
  ended: document.querySelector('[data-room-ended]') !== null,
}))()`;

export function parseProbe(value: unknown): RoomPageProbe | null {
  if (typeof value !== 'object' || value === null) return null;
  const { roomError, ended } = value as Record<string, unknown>;
  return { roomError: typeof roomError === 'string' ? roomError.slice(0, 64) : null, ended: ended === true };
}
