// A stand-in for Electron's main-process API, for loading the built main under plain Node.
// It behaves like Electron where the app's lifecycle depends on it: a destroyed window, view or
// webContents throws "Object has been destroyed" from its getters and methods; app.quit() runs
// before-quit (preventable), closes the windows, then will-quit and quit; ipcMain refuses a second
// handler on one channel; an exception in a listener called from "native" code is an uncaught
// exception of the process, not of the caller. `standin` is the test's remote control.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const userData = process.env.ROOMDESK_STANDIN_USER_DATA ?? join(process.cwd(), '.standin-user-data');
mkdirSync(userData, { recursive: true });

export const standin = {
  /** Errors thrown by the app's listeners when "Electron" called them. */
  uncaught: [],
  /** Every "native" event, in order, as `<object> <event>`. */
  journal: [],
  singleInstanceLockAvailable: process.env.ROOMDESK_STANDIN_SECOND_INSTANCE !== '1',
  applicationMenu: null,
  exited: null,
  /** Calls the app's listeners the way Electron does: one throwing listener does not stop the others. */
  emit(target, label, event, ...args) {
    standin.journal.push(`${label} ${event}`);
    for (const listener of target.listeners(event)) {
      try {
        listener.call(target, ...args);
      } catch (error) {
        standin.uncaught.push(`${label} ${event}: ${error?.stack ?? error}`);
        process.emit('uncaughtException', error);
      }
    }
  },
};

function destroyedError() {
  return new TypeError('Object has been destroyed');
}

/** Wraps an object so every property read but isDestroyed throws once it is destroyed. */
function guarded(target) {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (object.destroyed && key !== 'isDestroyed' && typeof key === 'string' && !key.startsWith('_')) throw destroyedError();
      const value = Reflect.get(object, key, receiver);
      // Methods run on the object itself, so its own bookkeeping after destruction does not throw.
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

function preventableEvent(extra = {}) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

class StandinSession extends EventEmitter {
  constructor(partition) {
    super();
    this.partition = partition;
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.devicePermissionHandler = null;
    this.headersHandler = null;
    this.webRequest = {
      onHeadersReceived: (handler) => {
        this.headersHandler = handler;
      },
    };
  }
  setPermissionRequestHandler(handler) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler) {
    this.devicePermissionHandler = handler;
  }
  getPreloadScripts() {
    return [];
  }
  clearStorageData() {
    return Promise.resolve();
  }
  clearCache() {
    return Promise.resolve();
  }
}

const sessions = new Map();
export const session = {
  get defaultSession() {
    return session.fromPartition('');
  },
  fromPartition(partition) {
    if (!sessions.has(partition)) sessions.set(partition, new StandinSession(partition));
    return sessions.get(partition);
  },
};

let nextContentsId = 1;
const allContents = new Set();

class StandinWebContents extends EventEmitter {
  constructor(options = {}) {
    super();
    this.id = nextContentsId++;
    this.destroyed = false;
    this.url = '';
    this.zoomFactor = 1;
    this.crashed = false;
    this.sent = [];
    this.windowOpenHandler = null;
    this.session = session.fromPartition(options.partition ?? '');
    this.webPreferences = options;
    allContents.add(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  getTitle() {
    return '';
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  loadURL(url) {
    this.url = url;
    queueMicrotask(() => !this.destroyed && standin.emit(this, `webContents#${this.id}`, 'did-finish-load', preventableEvent()));
    return Promise.resolve();
  }
  loadFile(file) {
    return this.loadURL(pathToFileURL(file).href);
  }
  reload() {
    this.crashed = false;
    standin.journal.push(`webContents#${this.id} reload`);
    queueMicrotask(() => !this.destroyed && standin.emit(this, `webContents#${this.id}`, 'did-finish-load', preventableEvent()));
  }
  isCrashed() {
    return this.crashed;
  }
  forcefullyCrashRenderer() {
    this.crashed = true;
    standin.emit(this, `webContents#${this.id}`, 'render-process-gone', preventableEvent(), { reason: 'killed', exitCode: 9 });
  }
  getZoomFactor() {
    return this.zoomFactor;
  }
  setZoomFactor(factor) {
    this.zoomFactor = factor;
  }
  getZoomLevel() {
    return Math.log(this.zoomFactor) / Math.log(1.2);
  }
  setZoomLevel(level) {
    this.zoomFactor = 1.2 ** level;
  }
  setVisualZoomLevelLimits() {
    return Promise.resolve();
  }
  executeJavaScriptInIsolatedWorld() {
    return Promise.resolve({ roomError: null, ended: false });
  }
  executeJavaScript() {
    return Promise.resolve(undefined);
  }
  focus() {}
  openDevTools() {}
  close() {
    if (this.destroyed) return;
    this.destroyed = true;
    allContents.delete(this);
    standin.emit(this, `webContents#${this.id}`, 'destroyed');
  }
}

export const webContents = {
  getAllWebContents: () => [...allContents],
};

class StandinView {
  constructor(contents) {
    this.children = [];
    this.bounds = { x: 0, y: 0, width: 0, height: 0 };
    this.visible = true;
    this._contents = contents;
    this.destroyed = false;
  }
  addChildView(view) {
    if (!this.children.includes(view)) this.children.push(view);
  }
  removeChildView(view) {
    this.children = this.children.filter((child) => child !== view);
  }
  setBounds(bounds) {
    this.bounds = { ...bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  setVisible(visible) {
    this.visible = visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class WebContentsView extends StandinView {
  static all = [];
  constructor(options = {}) {
    const contents = guarded(new StandinWebContents(options.webPreferences ?? {}));
    super(contents);
    this.webContents = contents;
    WebContentsView.all.push(this);
    app._webContentsCreated(contents);
  }
}

const openWindows = [];

class StandinBrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.destroyed = false;
    this.options = options;
    this.visible = false;
    this.minimized = false;
    this.focused = false;
    this.webContents = guarded(new StandinWebContents(options.webPreferences ?? {}));
    this.contentView = guarded(new StandinView(this.webContents));
    app._webContentsCreated(this.webContents);
  }
  isDestroyed() {
    return this.destroyed;
  }
  loadFile(file) {
    return this.webContents.loadFile(file);
  }
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  focus() {
    this.focused = true;
  }
  getContentBounds() {
    return { x: 0, y: 0, width: this.options.width ?? 1280, height: this.options.height ?? 800 };
  }
  /** As the user closing the window: 'close' (preventable), then the window is destroyed and 'closed' follows. */
  close() {
    if (this.destroyed) return;
    const event = preventableEvent();
    standin.emit(this, 'window', 'close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.contentView.destroyed = true;
    this.webContents.close();
    openWindows.splice(openWindows.indexOf(this._proxy), 1);
    standin.emit(this, 'window', 'closed');
    if (openWindows.length === 0) app._allWindowsClosed();
  }
}

export const BrowserWindow = new Proxy(StandinBrowserWindow, {
  construct(target, args) {
    const window = Reflect.construct(target, args);
    window._proxy = guarded(window);
    openWindows.push(window._proxy);
    return window._proxy;
  },
  get(target, key, receiver) {
    if (key === 'getAllWindows') return () => [...openWindows];
    if (key === 'getFocusedWindow') return () => openWindows.find((window) => window.focused) ?? null;
    return Reflect.get(target, key, receiver);
  },
});

class StandinApp extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this.ready = false;
    this.quitState = 'running';
    this.readyPromise = new Promise((resolve) => {
      this._resolveReady = resolve;
    });
  }
  getPath(name) {
    const path = name === 'userData' ? userData : join(userData, `.${name}`);
    mkdirSync(path, { recursive: true });
    return path;
  }
  getName() {
    return 'Roomdesk';
  }
  getVersion() {
    return '0.0.0-standin';
  }
  getAppPath() {
    return process.cwd();
  }
  getLocale() {
    return 'en-US';
  }
  isReady() {
    return this.ready;
  }
  whenReady() {
    return this.readyPromise;
  }
  requestSingleInstanceLock() {
    return standin.singleInstanceLockAvailable;
  }
  setAppUserModelId(id) {
    this.appUserModelId = id;
  }
  /** Electron: 'ready' once, then whenReady() resolves. */
  _becomeReady() {
    this.ready = true;
    standin.emit(this, 'app', 'ready', preventableEvent());
    this._resolveReady();
  }
  /** Electron: every new webContents is announced before it loads anything. */
  _webContentsCreated(contents) {
    standin.emit(this, 'app', 'web-contents-created', preventableEvent(), contents);
  }
  _allWindowsClosed() {
    // While quitting, Electron closes the windows itself and does not emit window-all-closed.
    if (this.quitState === 'closing') return;
    if (this.listenerCount('window-all-closed') === 0) return this.quit();
    standin.emit(this, 'app', 'window-all-closed');
  }
  quit() {
    if (this.quitState !== 'running') return;
    const beforeQuit = preventableEvent();
    standin.emit(this, 'app', 'before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitState = 'closing';
    for (const window of [...openWindows]) window.close();
    if (openWindows.length > 0) {
      this.quitState = 'running';
      return;
    }
    const willQuit = preventableEvent();
    standin.emit(this, 'app', 'will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitState = 'running';
      return;
    }
    standin.emit(this, 'app', 'quit', preventableEvent(), 0);
    this.exit(0);
  }
  exit(code = 0) {
    if (standin.exited !== null) return;
    standin.exited = code;
    standin.journal.push(`app exit ${code}`);
    this.quitState = 'exited';
  }
}

export const app = new StandinApp();

class StandinIpcMain extends EventEmitter {
  constructor() {
    super();
    this.handlers = new Map();
  }
  handle(channel, handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel, handler) {
    this.handle(channel, handler);
  }
  removeHandler(channel) {
    this.handlers.delete(channel);
  }
  /** As ipcRenderer.invoke from a renderer: the handler's answer, or its error. */
  async _invoke(channel, event, input) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, input);
  }
}

export const ipcMain = new StandinIpcMain();

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    standin.applicationMenu = menu;
  },
  getApplicationMenu() {
    return standin.applicationMenu;
  },
};

export const dialog = {
  errorBoxes: [],
  showErrorBox(title, content) {
    dialog.errorBoxes.push({ title, content });
    standin.journal.push(`dialog errorBox ${title}`);
  },
  showSaveDialog: async () => ({ canceled: true, filePath: undefined }),
  showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
  showMessageBoxSync: () => 0,
};

export const shell = {
  opened: [],
  openExternal: async (url) => {
    shell.opened.push(url);
  },
  openPath: async () => '',
};

export const systemPreferences = {
  askForMediaAccess: async () => true,
  getMediaAccessStatus: () => 'granted',
};

export const screen = {
  getPrimaryDisplay: () => ({ workAreaSize: { width: 1920, height: 1080 }, scaleFactor: 1 }),
};

export const protocol = { registerSchemesAsPrivileged() {}, handle() {} };

standin.app = app;
standin.ipcMain = ipcMain;
standin.BrowserWindow = BrowserWindow;
standin.WebContentsView = WebContentsView;
standin.session = session;
standin.dialog = dialog;

export default {
  app,
  BrowserWindow,
  WebContentsView,
  ipcMain,
  session,
  dialog,
  Menu,
  shell,
  systemPreferences,
  screen,
  protocol,
  webContents,
  standin,
};
