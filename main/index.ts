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
import { createAppWindow, revealWindow } from './electron/windows';
import { createLogger, fileLogSink, SecretRegistry } from './logging/logger';
import { appVoicePolicy } from './shell/content-security-policy';
import { createKeytarVault } from './profiles/secret-vault';
import { startSandboxGateway, type SandboxGateway } from './sandbox/index';
import { decideAppNavigation, rendererEntryOrigins, rendererEntryUrl, type RendererEntry } from './shell/app-navigation';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const isDev = !app.isPackaged && typeof devServerUrl === 'string';
const rendererEntry: RendererEntry = isDev && devServerUrl ? { url: devServerUrl } : { file: join(import.meta.dirname, '../renderer/index.html') };

const logDir = join(app.getPath('userData'), 'logs');
mkdirSync(logDir, { recursive: true });
const secrets = new SecretRegistry();
const logger = createLogger(fileLogSink(join(logDir, 'main.log'), isDev ? (line) => console.log(line) : undefined), secrets);

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
let sandbox: SandboxGateway | null = null;

process.on('uncaughtException', (error) => logger.error('uncaught exception in main', { error }));
process.on('unhandledRejection', (error) => logger.error('unhandled rejection in main', { error }));

if (acquireSingleInstance(app, () => mainWindow && revealWindow(mainWindow))) {
  installAppWideGuards(app);
  void app.whenReady().then(start).catch((error: unknown) => {
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

  sandbox = await startSandboxGateway().catch((error: unknown) => {
    logger.warn('the built-in sandbox gateway did not start; real profiles still work', { error });
    return null;
  });

  services = await createAppServices({
    dataDir: app.getPath('userData'),
    profileStore: new ElectronStore({ name: 'profiles' }),
    vault: createKeytarVault('Roomdesk'),
    sandbox,
    logger,
    secrets,
    appVersion: app.getVersion(),
    platform: process.platform,
    chooseExportPath: async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
      const answer = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    emit: (event, payload) => sendBridgeEvent(mainWindow?.webContents, event, payload),
    viewerHost: webContentsViewHost(() => mainWindow),
    openExternal: openRoomInSystemBrowser,
  });

  const dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);
  registerBridge(ipcMain, dispatch, isAppWindowTopFrame);

  openMainWindow();
}

function openMainWindow(): void {
  mainWindow = createAppWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    rendererEntry,
    isDev,
    iconPath: join(app.getAppPath(), 'resources/icon.png'),
  });
  mainWindow.on('closed', () => {
    services?.viewer.close();
    mainWindow = null;
  });
}

/** Only the app window's own top frame, showing our own entry page, may call main. */
function isAppWindowTopFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!mainWindow || event.sender !== mainWindow.webContents || !frame || frame.parent !== null) return false;
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
  // Let pending history writes finish and free the sandbox port before the process ends.
  void Promise.allSettled([services?.dispose(), sandbox?.close()]).finally(() => app.quit());
});
