import { session, WebContentsView, type BrowserWindow, type Event, type IpcMain, type WebContents } from 'electron';
import { tourPageChannelFor, tourPageEventChannelFor, tourPageMethodNames } from '../../common/contract/tour';
import { decideTourNavigation, TOUR_PARTITION, tourWebPreferences } from '../shell/tour-web-preferences';
import { appShortcutFromTour } from '../shell/tour-shortcuts';
import type { TourHostFactory } from '../tour/tour-host';
import type { TourPageDispatcher } from '../tour/tour-page-dispatch';

/** The tour page may use nothing of the device: no microphone, camera, notifications, downloads. */
export function hardenTourSession(): void {
  const tourSession = session.fromPartition(TOUR_PARTITION);
  tourSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  tourSession.setPermissionCheckHandler(() => false);
  tourSession.setDevicePermissionHandler(() => false);
  tourSession.on('will-download', (event) => event.preventDefault());
}

/**
 * The tour host in the app: a WebContentsView with the tour preload, in the tour's own partition.
 * Calls on the tour page's channels are answered only when they come from the open view's top frame.
 */
export function webContentsTourHost(
  appWindow: () => BrowserWindow | null,
  preloadPath: string,
  ipcMain: IpcMain,
  dispatch: TourPageDispatcher,
) {
  let currentContents: WebContents | null = null;
  for (const method of tourPageMethodNames) {
    ipcMain.handle(tourPageChannelFor(method), (event, input: unknown) => {
      const trusted = currentContents !== null && event.sender === currentContents && event.senderFrame?.parent === null;
      return dispatch(method, input, { trusted });
    });
  }

  const factory: TourHostFactory = (listener) => {
    const view = new WebContentsView({ webPreferences: tourWebPreferences(preloadPath) });
    const contents = view.webContents;
    currentContents = contents;
    let sessionUrl: string | null = null;
    view.setVisible(false);
    const window = appWindow();
    if (window && !window.isDestroyed()) window.contentView.addChildView(view);

    const guard = (event: Event<{ url: string }>) => {
      if (decideTourNavigation(event.url, sessionUrl) !== 'allow') event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-frame-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('did-fail-load', (_event, _code, description, _url, isMainFrame) => {
      if (isMainFrame) listener.loadFailed(description);
    });
    contents.on('render-process-gone', (_event, details) => listener.gone(details.reason));
    // The app's shortcuts keep working while the VR has the focus: they go to the app page.
    contents.on('before-input-event', (event, input) => {
      const forwarded = appShortcutFromTour(input, process.platform);
      const target = appWindow();
      if (!forwarded || !target || target.isDestroyed()) return;
      event.preventDefault();
      target.webContents.focus();
      target.webContents.sendInputEvent(forwarded);
    });

    return {
      load(url) {
        sessionUrl = url;
        if (!contents.isDestroyed()) void contents.loadURL(url).catch(() => undefined);
      },
      setBounds: (bounds) => {
        if (!contents.isDestroyed()) view.setBounds(bounds);
      },
      setVisible: (visible) => {
        if (!contents.isDestroyed()) view.setVisible(visible);
      },
      send(event, payload) {
        if (!contents.isDestroyed()) contents.send(tourPageEventChannelFor(event), payload);
      },
      close() {
        if (currentContents === contents) currentContents = null;
        const host = appWindow();
        if (host && !host.isDestroyed()) host.contentView.removeChildView(view);
        if (!contents.isDestroyed()) contents.close();
      },
    };
  };
  return factory;
}
