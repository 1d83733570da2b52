import type { z } from 'zod';
import type { viewerStateSchema } from '../../common/contract/viewer';
import { isRoomClosed } from '../../common/room-status';
import { AppFailure, toAppError } from '../app-failure';
import { roomLinkKind, withoutTicket } from '../rooms/room-link';
import { decideViewerNavigation, type ViewerNavigationScope } from '../shell/viewer-navigation';
import { displayHost, mayOpenRoomInBrowser } from './browser-handoff';
import { isSafeExternalUrl } from '../shell/external-url';
import { isAllowedTransport, tryParseUrl } from '../shell/urls';
import type { RoomPageProbe, ViewerBounds, ViewerHost, ViewerHostFactory, ViewerHostListener, ViewerLoadReport } from './viewer-host';

export type ViewerState = z.output<typeof viewerStateSchema>;
type Failure = NonNullable<ViewerState['failure']>;

/** What the controller needs from the room service (main/rooms/room-service.ts fits). */
export interface ViewerRoomSource {
  getRoomDetails(roomCode: string): Promise<{ roomLink: string; vrAllowHosts: string[]; closeTime: string | null }>;
  /** A fresh single-use host ticket, already appended to the room link. */
  hostTicketLink(roomCode: string, force?: boolean): Promise<{ url: string; roomLink: string }>;
}

export interface ViewerControllerOptions {
  rooms: ViewerRoomSource;
  createHost: ViewerHostFactory;
  emit(state: ViewerState): void;
  /** Hands a URL to the system browser; resolves to whether it was handed over. */
  openExternal(url: string): Promise<boolean>;
  now?: () => number;
  /** How often a shown page is checked for a lost session. */
  probeIntervalMs?: number;
}

const TICKET_REFUSED_HTTP = new Set([401, 403]);
const CHROMIUM_ABORTED = -3;
/** Tickets the viewer fetches on its own (recoveries, rejoins) are limited per window: the page must not drive them. */
const AUTOMATIC_TICKET_WINDOW_MS = 60_000;
const MAX_AUTOMATIC_TICKETS_PER_WINDOW = 3;

interface Session {
  roomCode: string;
  /** Bumped whenever the page is replaced; host callbacks from an older page are ignored. */
  generation: number;
  host: ViewerHost | null;
  scope: ViewerNavigationScope;
  /**
   * One fresh ticket may replace a refused one. Only the agent (opening or reloading) restores it:
   * a page that reloads itself into a refusal gets one recovery, not one per reload.
   */
  recoveryAvailable: boolean;
  /** When the viewer fetched tickets on its own, within the last window. */
  automaticTickets: number[];
  blockedUrl: string | null;
  probeTimer: ReturnType<typeof setInterval> | null;
}

/**
 * The embedded viewer's behaviour, free of Electron: which URL to load (always with a fresh
 * ticket), what the page may navigate to, how refusals, failures and lost sessions are handled,
 * and which state the renderer sees. The renderer never receives a ticket or a ticket-bearing URL.
 */
export function createViewerController(options: ViewerControllerOptions) {
  const now = options.now ?? Date.now;
  const probeIntervalMs = options.probeIntervalMs ?? 3_000;
  let generation = 0;
  let session: Session | null = null;
  let bounds: ViewerBounds = { x: 0, y: 0, width: 0, height: 0 };
  let visibleRequested = true;
  let state: ViewerState = blankState(null, 'idle');

  function blankState(roomCode: string | null, phase: ViewerState['phase']): ViewerState {
    return {
      roomCode,
      phase,
      failure: null,
      refusal: null,
      blocked: null,
      pageHost: null,
      title: null,
      ticketsFetched: 0,
      updatedAt: now(),
    };
  }

  function update(patch: Partial<ViewerState>): void {
    state = { ...state, ...patch, updatedAt: now() };
    applyVisibility();
    if (state.phase === 'showing') startProbing();
    else stopProbing();
    options.emit(state);
  }

  function applyVisibility(): void {
    session?.host?.setVisible(visibleRequested && state.phase === 'showing');
  }

  function fail(reason: Failure['reason'], detail: string | null, error: Failure['error'] = null): void {
    update({ phase: 'failed', failure: { reason, detail, error } });
  }

  const isCurrent = (current: Session, pageGeneration: number) => session === current && current.generation === pageGeneration;

  function disposeHost(current: Session): void {
    current.generation = ++generation;
    current.host?.close();
    current.host = null;
    stopProbing();
  }

  /** Replaces the page with a new one showing the room with a fresh ticket. */
  async function loadWithFreshTicket(current: Session, force: boolean): Promise<void> {
    disposeHost(current);
    const pageGeneration = current.generation;
    update({ phase: 'loading', failure: null, refusal: null, blocked: null });
    let link: { url: string; roomLink: string };
    try {
      link = await options.rooms.hostTicketLink(current.roomCode, force);
    } catch (error) {
      if (isCurrent(current, pageGeneration))
        fail('ticket-unavailable', null, toAppError(error, 'Roomdesk could not get a ticket for this room.'));
      return;
    }
    if (!isCurrent(current, pageGeneration)) return;
    if (!mayLoadTicketLink(link.url, current.scope)) {
      fail('room-refused', null, {
        kind: 'forbidden',
        message: 'The gateway gave a room link on another site than the room, or not a web page; Roomdesk did not open it.',
      });
      return;
    }
    current.host = options.createHost(listenerFor(current, pageGeneration));
    current.host.setBounds(bounds);
    current.host.setVisible(false);
    update({ ticketsFetched: state.ticketsFetched + 1, pageHost: displayHost(link.roomLink) });
    current.host.load(link.url);
  }

  function listenerFor(current: Session, pageGeneration: number): ViewerHostListener {
    const live = () => isCurrent(current, pageGeneration);
    return {
      navigationAttempt(url) {
        if (!live()) return 'deny';
        const decision = decideViewerNavigation(url, current.scope);
        if (decision === 'allow') return 'allow';
        current.blockedUrl = decision.offerExternal ? withoutTicket(url) : null;
        update({ blocked: { host: displayHost(url), offerExternal: decision.offerExternal } });
        return 'deny';
      },
      loaded(report) {
        if (live()) void onLoaded(current, report);
      },
      loadFailed({ errorCode, description }) {
        if (!live() || errorCode === CHROMIUM_ABORTED) return;
        fail('load-failed', description || `error ${errorCode}`);
      },
      titleChanged(title) {
        if (live()) update({ title: title.slice(0, 200) });
      },
      gone(reason) {
        if (live()) fail('crashed', reason);
      },
    };
  }

  async function onLoaded(current: Session, { httpStatus, probe }: ViewerLoadReport): Promise<void> {
    const refusal = probe.roomError ?? (httpStatus !== null && TICKET_REFUSED_HTTP.has(httpStatus) ? `http-${httpStatus}` : null);
    if (refusal === 'room-closed') return update({ phase: 'room-ended' });
    if (refusal !== null && (refusal.startsWith('ticket-') || refusal.startsWith('http-'))) {
      if (current.recoveryAvailable && takeAutomaticTicket(current)) {
        current.recoveryAvailable = false;
        return loadWithFreshTicket(current, true);
      }
      return update({ phase: 'ticket-refused', refusal });
    }
    if (refusal !== null) return fail('room-refused', refusal);
    if (httpStatus !== null && httpStatus >= 400) return fail('load-failed', `HTTP ${httpStatus}`);
    if (probe.ended) return onSessionEnded(current);
    update({ phase: 'showing', failure: null, refusal: null });
  }

  /** The page says the agent is out: the room ended, or the session was lost and is rejoined. */
  async function onSessionEnded(current: Session): Promise<void> {
    const pageGeneration = current.generation;
    let closed = false;
    try {
      closed = isRoomClosed(await options.rooms.getRoomDetails(current.roomCode));
    } catch {
      // Unknown: try to rejoin; a closed room then refuses the ticket and says so.
    }
    if (!isCurrent(current, pageGeneration)) return;
    if (closed) return update({ phase: 'room-ended' });
    if (!takeAutomaticTicket(current)) return fail('load-failed', 'session-lost');
    await loadWithFreshTicket(current, true);
  }

  /** Counts one ticket the viewer fetches on its own; false when the window's allowance is spent. */
  function takeAutomaticTicket(current: Session): boolean {
    const cutoff = now() - AUTOMATIC_TICKET_WINDOW_MS;
    current.automaticTickets = current.automaticTickets.filter((at) => at > cutoff);
    if (current.automaticTickets.length >= MAX_AUTOMATIC_TICKETS_PER_WINDOW) return false;
    current.automaticTickets.push(now());
    return true;
  }

  function startProbing(): void {
    const current = session;
    if (!current || current.probeTimer !== null || current.host === null) return;
    const pageGeneration = current.generation;
    current.probeTimer = setInterval(() => {
      void current.host
        ?.probe()
        .then((probe: RoomPageProbe | null) => {
          if (probe?.ended && isCurrent(current, pageGeneration) && state.phase === 'showing') return onSessionEnded(current);
          return undefined;
        })
        .catch(() => undefined);
    }, probeIntervalMs);
  }

  function stopProbing(): void {
    if (session?.probeTimer != null) {
      clearInterval(session.probeTimer);
      session.probeTimer = null;
    }
  }

  function endSession(): void {
    if (!session) return;
    disposeHost(session);
    session = null;
  }

  return {
    state: (): ViewerState => state,

    /** Origins the shown room may use the microphone from (the viewer session's permission check). */
    allowedOrigins: (): string[] => (session ? [session.scope.roomOrigin, ...session.scope.allowedHosts] : []),

    /** Opens `roomCode` in the viewer: the room's details say what it may load, then a fresh ticket. */
    async open(roomCode: string, area: ViewerBounds): Promise<ViewerState> {
      endSession();
      bounds = roundBounds(area);
      visibleRequested = true;
      const openGeneration = ++generation;
      state = blankState(roomCode, 'loading');
      options.emit(state);
      let details: Awaited<ReturnType<ViewerRoomSource['getRoomDetails']>>;
      try {
        details = await options.rooms.getRoomDetails(roomCode);
      } catch (error) {
        if (generation === openGeneration) fail('ticket-unavailable', null, toAppError(error, 'Roomdesk could not read this room.'));
        return state;
      }
      if (generation !== openGeneration) return state;
      if (isRoomClosed(details)) {
        update({ phase: 'room-ended' });
        return state;
      }
      if (roomLinkKind(details.roomLink) === 'live-channel') {
        update({ phase: 'live-channel', pageHost: displayHost(details.roomLink) });
        return state;
      }
      session = {
        roomCode,
        generation,
        host: null,
        // The room link from the details and from each ticket are both allowed origins.
        scope: { roomOrigin: details.roomLink, allowedHosts: [...details.vrAllowHosts, details.roomLink] },
        recoveryAvailable: true,
        automaticTickets: [],
        blockedUrl: null,
        probeTimer: null,
      };
      await loadWithFreshTicket(session, false);
      return state;
    },

    /** A new page with a new ticket (force=1 takes over the previous page session). Never a reuse. */
    async reload(roomCode: string): Promise<ViewerState> {
      if (!session || session.roomCode !== roomCode) return this.open(roomCode, bounds);
      session.recoveryAvailable = true;
      await loadWithFreshTicket(session, true);
      return state;
    },

    setBounds(area: ViewerBounds, visible: boolean): boolean {
      bounds = roundBounds(area);
      visibleRequested = visible;
      session?.host?.setBounds(bounds);
      applyVisibility();
      return session?.host != null;
    },

    close(): ViewerState {
      const roomCode = state.roomCode;
      endSession();
      ++generation;
      state = blankState(roomCode, 'closed');
      options.emit(state);
      return state;
    },

    /** Fetches a ticket of its own for the browser (the viewer's stays where it is). */
    async openInBrowser(roomCode: string): Promise<boolean> {
      const link = await options.rooms.hostTicketLink(roomCode, false);
      if (roomLinkKind(link.roomLink) !== 'page' || !mayOpenRoomInBrowser(link.url)) {
        throw new AppFailure({ kind: 'forbidden', message: 'This room link is not a web page Roomdesk may open in a browser.' });
      }
      return options.openExternal(link.url);
    },

    async openBlockedInBrowser(roomCode: string): Promise<boolean> {
      const url = session?.roomCode === roomCode ? session.blockedUrl : null;
      if (!session || url === null || !isSafeExternalUrl(url)) return false;
      session.blockedUrl = null;
      update({ blocked: null });
      return options.openExternal(url);
    },

    dispose(): void {
      endSession();
    },
  };
}

export type ViewerController = ReturnType<typeof createViewerController>;

/**
 * A ticket-bearing link is loaded only when it is a web page under the transport rule, passes the
 * viewer's navigation rules, and is on the room's own origin (a gateway cannot send the ticket elsewhere).
 */
export function mayLoadTicketLink(url: string, scope: ViewerNavigationScope): boolean {
  const target = tryParseUrl(url);
  const room = tryParseUrl(scope.roomOrigin);
  if (!target || !room || !isAllowedTransport(url, ['web'])) return false;
  return target.origin === room.origin && decideViewerNavigation(url, scope) === 'allow';
}

function roundBounds(area: ViewerBounds): ViewerBounds {
  const whole = (value: number) => Math.max(0, Math.round(value));
  return { x: whole(area.x), y: whole(area.y), width: whole(area.width), height: whole(area.height) };
}
