import { app, BrowserWindow, dialog, ipcMain, session, systemPreferences, type IpcMainInvokeEvent } from 'electron';
import ElectronStore from 'electron-store';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAppServices, type AppServices } from './app-services';
import { createBridgeDispatcher } from './bridge/dispatch';
import { createBridgeHandlers } from './bridge/handlers';
import { registerBridge, sendBridgeEvent } from './electron/ipc';
import { acquireSingleInstance, hardenSession, installAppWideGuards } from './electron/session-security';
import { hardenViewerSession, openRoomInSystemBrowser, webContentsViewHost } from './electron/viewer-view';
import { installAppMenu } from './electron/menu';
import { hardenTourSession, webContentsTourHost } from './electron/tour-view';
import { createAppWindow, revealWindow } from './electron/windows';
import { createLogger, fileLogSink, SecretRegistry } from './logging/logger';
import { appVoicePolicy } from './shell/content-security-policy';
import { createKeytarVault } from './profiles/secret-vault';
import { openProfileSettings } from './profiles/profile-store';
import { recoverAppPage } from './electron/app-page-recovery';
import { settleWithin } from './lifecycle/shutdown';
import { APP_ID } from './app-identity';
import { startSandboxGateway, type SandboxGateway } from './sandbox/index';
import { decideAppNavigation, rendererEntryOrigins, rendererEntryUrl, type RendererEntry } from './shell/app-navigation';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const isDev = !app.isPackaged && typeof devServerUrl === 'string';
const rendererEntry: RendererEntry =
  isDev && devServerUrl ? { url: devServerUrl } : { file: join(import.meta.dirname, '../renderer/index.html') };

const logDir = join(app.getPath('userData'), 'logs');
mkdirSync(logDir, { recursive: true });
const secrets = new SecretRegistry();
const logger = createLogger(fileLogSink(join(logDir, 'main.log'), isDev ? (line) => console.log(line) : undefined), secrets);

/** How long quitting waits for pending history writes and the sandbox to close. */
const QUIT_TIMEOUT_MS = 4_000;

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
let sandbox: SandboxGateway | null = null;

/** The app window while it can be used; null once it is closed (a destroyed window throws on every use). */
function appWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

// Windows groups the taskbar button and notifications under this id; the installer registers the same.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

process.on('uncaughtException', (error) => logger.error('uncaught exception in main', { error }));
process.on('unhandledRejection', (error) => logger.error('unhandled rejection in main', { error }));

if (
  acquireSingleInstance(app, () => {
    const window = appWindow();
    if (window) revealWindow(window);
  })
) {
  installAppWideGuards(app);
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('Roomdesk could not start', { error });
      dialog.showErrorBox('Roomdesk could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

async function start(): Promise<void> {
  installAppMenu({ isDev, appName: app.getName() });
  hardenSession(session.defaultSession, {
    isViewer: false,
    allowedOrigins: () => rendererEntryOrigins(rendererEntry),
    voiceEnabled: () => true,
    ...(process.platform === 'darwin' ? { confirmMicrophoneAccess: () => systemPreferences.askForMediaAccess('microphone') } : {}),
    contentSecurity: { isDev, ...appVoicePolicy, ...(isDev && devServerUrl ? { devServerOrigin: new URL(devServerUrl).origin } : {}) },
  });

  // The embedded room viewer's own partition: microphone only for the room being shown.
  hardenViewerSession(() => services?.viewer.allowedOrigins() ?? [], {
    state: () => services?.microphone.state() ?? 'denied',
    ask: (url) => services?.microphone.ask(url) ?? Promise.resolve(false),
  });

  hardenTourSession();

  // Like the real service the sandbox hands out live-channel links; `page` serves its http room page instead.
  const sandboxRoomLinks = process.env.ROOMDESK_SANDBOX_ROOM_LINKS === 'page' ? 'page' : 'live-channel';
  sandbox = await startSandboxGateway({ roomLinks: sandboxRoomLinks, guestPageDir: join(app.getAppPath(), 'out/guest') }).catch(
    (error: unknown) => {
      logger.warn('the built-in sandbox gateway did not start; real profiles still work', { error });
      return null;
    },
  );

  const profileStore = openProfileSettings(() => new ElectronStore({ name: 'profiles' }), join(app.getPath('userData'), 'profiles.json'));
  if (profileStore.startupProblem)
    logger.warn('saved profiles were unreadable and moved aside', { problem: profileStore.startupProblem.message });

  services = await createAppServices({
    dataDir: app.getPath('userData'),
    profileStore,
    vault: createKeytarVault('Roomdesk'),
    sandbox,
    logger,
    secrets,
    appVersion: app.getVersion(),
    platform: process.platform,
    chooseExportPath: async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
      const window = appWindow();
      const answer = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    emit: (event, payload) => sendBridgeEvent(appWindow()?.webContents, event, payload),
    viewerHost: webContentsViewHost(appWindow),
    openExternal: openRoomInSystemBrowser,
    // The tour page's calls are answered only from the open tour view (services exist before any page can call).
    tourHost: webContentsTourHost(appWindow, join(import.meta.dirname, '../tour-preload/index.cjs'), ipcMain, (method, input, sender) =>
      services
        ? services.tourPage(method, input, sender)
        : Promise.resolve({ ok: false, error: { kind: 'internal', message: 'Not ready.' } }),
    ),
    tourPageDir: join(app.getAppPath(), 'out/guest'),
  });

  const dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);
  registerBridge(ipcMain, dispatch, isAppWindowTopFrame);

  openMainWindow();
}

function openMainWindow(): void {
  const window = createAppWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    rendererEntry,
    isDev,
    iconPath: join(app.getAppPath(), 'resources/icon.png'),
  });
  mainWindow = window;
  window.on('closed', () => {
    // First forget the window: everything below may reach for it, and it is destroyed now.
    if (mainWindow === window) mainWindow = null;
    services?.viewer.close();
    services?.tour.close();
    services?.live.releasePageHolds();
  });
  recoverAppPage(window, {
    // No native view (the room viewer, the tour) may stay drawn over a reloading app page.
    closeViewer: () => {
      services?.viewer.close();
      services?.tour.close();
    },
    releasePageHolds: () => services?.live.releasePageHolds(),
    report: (what, details) => logger.warn(what, details),
    giveUp: () => {
      logger.error('the app page keeps failing; Roomdesk stops reloading it');
      dialog.showErrorBox(
        'Roomdesk stopped working',
        'The Roomdesk window failed several times in a row. Your room history is saved; restart Roomdesk.',
      );
    },
  });
  // Windows ends the session (log-off, shutdown) without a quit: save what is pending first.
  window.on('query-session-end', () => void flushHistory('the session is ending'));
  window.on('session-end', () => void flushHistory('the session ended'));
}

async function flushHistory(why: string): Promise<void> {
  await settleWithin(services?.history.close?.() ?? Promise.resolve(), QUIT_TIMEOUT_MS);
  logger.info(`room history saved: ${why}`);
}

/** Only the app window's own top frame, showing our own entry page, may call main. */
function isAppWindowTopFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const window = appWindow();
  if (!window || event.sender !== window.webContents || !frame || frame.parent !== null) return false;
  return decideAppNavigation(frame.url, rendererEntryUrl(rendererEntry)) === 'allow';
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (services && BrowserWindow.getAllWindows().length === 0) openMainWindow();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting) return;
  quitting = true;
  event.preventDefault();
  // Let pending history writes finish and free the sandbox port, but never hold the quit for long.
  const shutdown = Promise.allSettled([services?.dispose(), sandbox?.close()]);
  void settleWithin(shutdown, QUIT_TIMEOUT_MS).then((outcome) => {
    if (outcome === 'timed-out') logger.warn('quitting before shutdown finished', { waitedMs: QUIT_TIMEOUT_MS });
    app.quit();
  });
});
