import { BrowserWindow, type Event, type WebContents } from 'electron';
import { appWindowOptions } from '../shell/app-window-options';
import { decideAppNavigation, rendererEntryUrl, type RendererEntry } from '../shell/app-navigation';
import { isSafeExternalUrl } from '../shell/external-url';
import { openExternalSafely } from './external-links';

export interface CreateAppWindowInput {
  /** Absolute path of the built CommonJS preload (`out/preload/index.cjs`). */
  preloadPath: string;
  rendererEntry: RendererEntry;
  isDev: boolean;
  iconPath?: string;
}

/** The hardened app window: built from `appWindowOptions`, locked to its own entry page. */
export function createAppWindow({ preloadPath, rendererEntry, isDev, iconPath }: CreateAppWindowInput): BrowserWindow {
  const window = new BrowserWindow(appWindowOptions({ preloadPath, isDev, ...(iconPath ? { iconPath } : {}) }));
  const entryUrl = rendererEntryUrl(rendererEntry);
  lockToEntry(window.webContents, entryUrl);
  window.once('ready-to-show', () => window.show());
  void ('file' in rendererEntry ? window.loadFile(rendererEntry.file) : window.loadURL(rendererEntry.url));
  return window;
}

function lockToEntry(contents: WebContents, entryUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternalSafely(url).catch(() => undefined);
    return { action: 'deny' };
  });
  const blockUnlessEntry = (event: Event, url: string): void => {
    if (decideAppNavigation(url, entryUrl) === 'deny') event.preventDefault();
  };
  contents.on('will-navigate', (event) => blockUnlessEntry(event, event.url));
  contents.on('will-frame-navigate', (event) => blockUnlessEntry(event, event.url));
  contents.on('will-redirect', (event) => blockUnlessEntry(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Brings a window to the front, e.g. when a second instance of the app is started. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
