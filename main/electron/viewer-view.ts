import { session, shell, WebContentsView, type BaseWindow, type Event } from 'electron';
import { VIEWER_PARTITION, viewerWebPreferences } from '../shell/viewer-web-preferences';
import { mayOpenRoomInBrowser } from '../viewer/browser-handoff';
import { parseProbe, ROOM_PAGE_PROBE, type RoomPageProbe, type ViewerHostFactory } from '../viewer/viewer-host';
import { hardenSession, type ViewerMicrophoneConsent } from './session-security';

/** An isolated world of our own, so the room page's scripts cannot tamper with what the probe reads. */
const PROBE_WORLD_ID = 1071;

/**
 * Hardens the viewer's own partition once, before any viewer exists: microphone only for the shown
 * room's origins and after the agent said yes for the room, nothing else, no downloads.
 */
export function hardenViewerSession(
  allowedOrigins: () => readonly string[],
  microphoneConsent: ViewerMicrophoneConsent,
  voiceEnabled: () => boolean = () => true,
): void {
  hardenSession(session.fromPartition(VIEWER_PARTITION), { isViewer: true, allowedOrigins, voiceEnabled, microphoneConsent });
}

/**
 * The viewer host in the app: a WebContentsView in the app window, with the viewer's web
 * preferences (own partition, sandbox, no preload, so no bridge). Every decision is the controller's.
 */
export function webContentsViewHost(appWindow: () => BaseWindow | null): ViewerHostFactory {
  return (listener) => {
    const view = new WebContentsView({ webPreferences: viewerWebPreferences() });
    const contents = view.webContents;
    view.setVisible(false);
    const window = liveWindow(appWindow);
    window?.contentView.addChildView(view);

    const guard = (event: Event<{ url: string; isMainFrame: boolean }>) => {
      if (listener.navigationAttempt(event.url, event.isMainFrame) !== 'allow') event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-frame-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // No popups at all; a foreign link still gets the "open in browser?" offer through the controller.
    contents.setWindowOpenHandler(({ url }) => {
      listener.navigationAttempt(url, true);
      return { action: 'deny' };
    });

    let httpStatus: number | null = null;
    contents.on('did-navigate', (_event, _url, httpResponseCode) => {
      httpStatus = httpResponseCode >= 0 ? httpResponseCode : null;
    });
    const probe = async (): Promise<RoomPageProbe | null> => {
      if (contents.isDestroyed()) return null;
      const value: unknown = await contents.executeJavaScriptInIsolatedWorld(PROBE_WORLD_ID, [{ code: ROOM_PAGE_PROBE }]).catch(() => null);
      return parseProbe(value);
    };
    contents.on('did-finish-load', () => {
      void probe().then((read) => listener.loaded({ httpStatus, probe: read ?? { roomError: null, ended: false } }));
    });
    contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
      if (isMainFrame) listener.loadFailed({ errorCode, description: errorDescription });
    });
    contents.on('page-title-updated', (_event, title) => listener.titleChanged(title));
    contents.on('render-process-gone', (_event, details) => listener.gone(details.reason));

    return {
      // Failures arrive as did-fail-load; the promise's rejection carries the URL, so it is dropped.
      load: (url) => {
        if (!contents.isDestroyed()) void contents.loadURL(url).catch(() => undefined);
      },
      setBounds: (bounds) => {
        if (!contents.isDestroyed()) view.setBounds(bounds);
      },
      setVisible: (visible) => {
        if (!contents.isDestroyed()) view.setVisible(visible);
      },
      probe,
      close() {
        // The window may be gone already (this runs when it closes); its destroyed contentView throws.
        const host = liveWindow(() => window);
        if (host) host.contentView.removeChildView(view);
        // A WebContentsView's page is not freed with its view or its window: close it explicitly.
        if (!contents.isDestroyed()) contents.close();
      },
    };
  };
}

function liveWindow(appWindow: () => BaseWindow | null): BaseWindow | null {
  const window = appWindow();
  return window && !window.isDestroyed() ? window : null;
}

/** Hands a room page (https, or the loopback sandbox) to the system browser. */
export async function openRoomInSystemBrowser(url: string): Promise<boolean> {
  if (!mayOpenRoomInBrowser(url)) return false;
  await shell.openExternal(new URL(url).href);
  return true;
}
