// Loads the built main (out/main/index.js) under plain Node with the stand-in `electron`, plays one
// scenario as Electron and a user would, and prints what happened as one JSON line.
// Usage: node --import ./register.mjs run-main.mjs <scenario>
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { standin, app, ipcMain, BrowserWindow, WebContentsView, dialog, session } from 'electron';

const scenario = process.argv[2] ?? 'startup';
const builtMain = resolve(process.env.ROOMDESK_STANDIN_MAIN ?? 'out/main/index.js');
const report = { scenario, steps: [] };

function waitFor(condition, what, timeoutMs = 8_000) {
  const started = Date.now();
  return new Promise((done, fail) => {
    const tick = () => {
      let value;
      try {
        value = condition();
      } catch (error) {
        return fail(error);
      }
      if (value) return done(value);
      if (Date.now() - started > timeoutMs) return fail(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

const appWindow = () => BrowserWindow.getAllWindows()[0];

/** As the app page's preload calling main: from the window's own top frame. */
async function call(method, input) {
  const window = appWindow();
  const event = { sender: window.webContents, senderFrame: { parent: null, url: window.webContents.getURL() } };
  const result = await ipcMain._invoke(`roomdesk:${method}`, event, input);
  report.steps.push({ method, ok: result.ok, ...(result.ok ? {} : { error: result.error?.message }) });
  return result;
}

const viewerViews = () => WebContentsView.all;
const attachedViews = () => appWindow()?.contentView.children.length ?? 0;

async function createRoomAndOpenViewer() {
  const created = await call('createRoom', { guests: [], listing: { title: 'Stand-in' } });
  if (!created.ok) throw new Error(`createRoom failed: ${created.error.message}`);
  const roomCode = created.value.roomCode;
  await call('openViewer', { roomCode, bounds: { x: 10, y: 20, width: 400, height: 300 } });
  await waitFor(() => viewerViews().length > 0 && attachedViews() > 0, 'the viewer view');
  return roomCode;
}

async function untilExit(timeoutMs) {
  const started = Date.now();
  await waitFor(() => standin.exited !== null, 'the app to exit', timeoutMs);
  report.quitMs = Date.now() - started;
}

const scenarios = {
  async startup() {},

  async 'second-instance'() {
    await new Promise((done) => setTimeout(done, 200));
  },

  async 'close-window-with-viewer'() {
    await createRoomAndOpenViewer();
    appWindow().close();
    await untilExit(8_000);
  },

  async 'quit-with-live-channel'() {
    const created = await call('createRoom', { guests: [], listing: {} });
    await call('connectLiveChannel', { roomCode: created.value.roomCode, holder: 'voice' });
    await new Promise((done) => setTimeout(done, 300));
    app.quit();
    await untilExit(8_000);
  },

  async 'app-page-reload-releases-holds'() {
    const created = await call('createRoom', { guests: [], listing: {} });
    const roomCode = created.value.roomCode;
    await call('connectLiveChannel', { roomCode, holder: 'voice' });
    // A hold nobody has: letting go of it tells how the channel stands without changing it.
    const standing = async () => (await call('disconnectLiveChannel', { roomCode, holder: 'tour' })).value?.connection;
    const until = Date.now() + 8_000;
    let held = await standing();
    while (held !== 'connected' && Date.now() < until) {
      await new Promise((done) => setTimeout(done, 50));
      held = await standing();
    }
    report.live = { held };
    standin.emit(appWindow().webContents, 'app-page', 'did-navigate', { preventDefault() {} }, 'file:///index.html', -1, '');
    report.live.afterReload = await standing();
  },

  async 'app-page-gone'() {
    await createRoomAndOpenViewer();
    const contents = appWindow().webContents;
    standin.emit(contents, 'app-page', 'render-process-gone', { preventDefault() {} }, { reason: 'crashed', exitCode: 1 });
    await new Promise((done) => setTimeout(done, 50));
    report.attachedAfterGone = attachedViews();
  },

  async 'app-page-unresponsive'() {
    await createRoomAndOpenViewer();
    standin.emit(appWindow(), 'window', 'unresponsive');
    await new Promise((done) => setTimeout(done, 50));
    report.attachedAfterHang = attachedViews();
  },

  async 'tour-view'() {
    const created = await call('createRoom', { guests: [], listing: { title: 'Stand-in tour', vr: '800000000000000001' } });
    if (!created.ok) throw new Error(`createRoom failed: ${created.error.message}`);
    const roomCode = created.value.roomCode;
    await call('openTour', { roomCode, bounds: { x: 0, y: 40, width: 640, height: 400 } });
    const tourView = await waitFor(
      () => WebContentsView.all.find((view) => view.webContents.webPreferences.partition === 'roomdesk-tour' && view.webContents.getURL()),
      'the tour view',
    );
    const contents = tourView.webContents;
    const fromApp = { sender: appWindow().webContents, senderFrame: { parent: null } };
    const fromTour = { sender: contents, senderFrame: { parent: null } };
    const fromTourFrame = { sender: contents, senderFrame: { parent: {} } };
    const invoke = (event, method, input) => ipcMain._invoke(`roomdesk-tour:${method}`, event, input);
    const navigation = (url) => {
      const event = { defaultPrevented: false, url, isMainFrame: true, preventDefault: () => (event.defaultPrevented = true) };
      standin.emit(contents, 'tour', 'will-navigate', event);
      return event.defaultPrevented ? 'blocked' : 'allowed';
    };
    const ready = await invoke(fromTour, 'ready');
    const bridgeOnTourPage = await ipcMain._invoke('roomdesk:getAppInfo', fromTour, undefined).catch(() => ({ ok: false }));
    report.tour = {
      url: contents.getURL(),
      preferences: contents.webPreferences,
      attached: appWindow().contentView.children.includes(tourView),
      readyFromTour: ready.ok ? Object.keys(ready.value).sort() : ready.error,
      readyFromApp: (await invoke(fromApp, 'ready')).error?.kind ?? 'answered',
      readyFromSubframe: (await invoke(fromTourFrame, 'ready')).error?.kind ?? 'answered',
      appBridgeFromTour: bridgeOnTourPage.ok ? 'answered' : (bridgeOnTourPage.error?.kind ?? 'refused'),
      badInput: (await invoke(fromTour, 'sendKeyframe', { frames: 'x' })).error?.kind ?? 'answered',
      navigateAway: navigation('https://example.com/'),
      navigateOwn: navigation(`${contents.getURL()}assets/x.js`),
      popup: contents.windowOpenHandler?.({ url: 'https://example.com/' }) ?? null,
      permission: await new Promise((done) => session.fromPartition('roomdesk-tour').permissionRequestHandler(contents, 'media', done, {})),
    };
    await call('closeTour');
    report.tour.destroyedAfterClose = contents.isDestroyed();
    report.tour.readyAfterClose = (await invoke(fromTour, 'ready').catch(() => ({ error: { kind: 'threw' } }))).error?.kind ?? 'answered';
  },

  async 'session-end'() {
    const created = await call('createRoom', { guests: [], listing: { title: 'Before logout' } });
    report.roomCode = created.value.roomCode;
    standin.emit(appWindow(), 'window', 'query-session-end', { preventDefault() {}, reasons: ['logoff'] });
    standin.emit(appWindow(), 'window', 'session-end', { reasons: ['logoff'] });
    await new Promise((done) => setTimeout(done, 300));
  },
};

try {
  if (!existsSync(builtMain)) throw new Error(`${builtMain} is missing: run "npx electron-vite build" first`);
  await import(pathToFileURL(builtMain).href);
  app._becomeReady();
  if (scenario !== 'second-instance') {
    await waitFor(() => appWindow()?.webContents.getURL(), 'the app window to load its page');
  }
  await scenarios[scenario]();
} catch (error) {
  report.failure = String(error?.stack ?? error);
}

const window = BrowserWindow.getAllWindows()[0];
/** Which guards a session has, as Electron would hold them. */
function guardsOf(target) {
  return {
    permissionRequest: typeof target.permissionRequestHandler === 'function',
    permissionCheck: typeof target.permissionCheckHandler === 'function',
    devicePermission: typeof target.devicePermissionHandler === 'function',
    cspHeaders: typeof target.headersHandler === 'function',
    blocksDownloads: target.listenerCount('will-download') > 0,
  };
}
function windowOpenAnswer() {
  if (!window || window.isDestroyed()) return null;
  return (
    window.webContents.windowOpenHandler?.({
      url: 'https://example.com/elsewhere',
      frameName: '',
      features: '',
      disposition: 'new-window',
    }) ?? null
  );
}
report.sessions = { app: guardsOf(session.defaultSession), viewer: guardsOf(session.fromPartition('roomdesk-viewer')) };
report.windowOpen = windowOpenAnswer();
report.appWindowPreferences = window && !window.isDestroyed() ? (window.options.webPreferences ?? null) : null;
const log = join(app.getPath('userData'), 'logs', 'main.log');
Object.assign(report, {
  channels: [...ipcMain.handlers.keys()],
  windows: BrowserWindow.getAllWindows().length,
  pageUrl: window && !window.isDestroyed() ? window.webContents.getURL() : null,
  viewerContentsDestroyed: WebContentsView.all.map((view) => view.webContents.isDestroyed()),
  menu: standin.applicationMenu?.template ?? null,
  uncaught: standin.uncaught,
  errorBoxes: dialog.errorBoxes,
  exited: standin.exited,
  journal: standin.journal,
  logProblems: existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => /"level":"(error|warn)"|\b(ERROR|WARN)\b/.test(line))
    : [],
});
process.stdout.write(`\nSTANDIN-REPORT ${JSON.stringify(report)}\n`);
process.exit(0);
