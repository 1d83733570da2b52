import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: any[]) => unknown;

// The real 'electron' module starts a binary download when imported in Node; these stand-ins
// record what the window factory asks of Electron.
const electron = vi.hoisted(() => {
  class FakeWebContents {
    events: Record<string, Listener> = {};
    openHandler: Listener | undefined;
    setWindowOpenHandler(handler: Listener): void {
      this.openHandler = handler;
    }
    on(name: string, listener: Listener): this {
      this.events[name] = listener;
      return this;
    }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    onceEvents: Record<string, Listener> = {};
    loaded: { file?: string; url?: string } = {};
    show = vi.fn();
    constructor(public options: Record<string, any>) {
      FakeBrowserWindow.created.push(this);
    }
    once(name: string, listener: Listener): this {
      this.onceEvents[name] = listener;
      return this;
    }
    async loadFile(file: string): Promise<void> {
      this.loaded = { file };
    }
    async loadURL(url: string): Promise<void> {
      this.loaded = { url };
    }
  }
  return { BrowserWindow: FakeBrowserWindow, shell: { openExternal: vi.fn(async () => undefined) } };
});
vi.mock('electron', () => electron);

const { createAppWindow } = await import('../../../main/electron/windows');

const preloadPath = '/opt/Roomdesk/out/preload/index.cjs';
const entryFile = '/opt/Roomdesk/out/renderer/index.html';

function navigate(window: InstanceType<typeof electron.BrowserWindow>, event: string, url: string): boolean {
  const preventDefault = vi.fn();
  window.webContents.events[event]?.({ url, preventDefault });
  return preventDefault.mock.calls.length === 0;
}

describe('createAppWindow', () => {
  beforeEach(() => {
    electron.BrowserWindow.created.length = 0;
    electron.shell.openExternal.mockClear();
  });

  it('builds the window from the hardened options and loads the entry file', () => {
    const window = createAppWindow({ preloadPath, rendererEntry: { file: entryFile }, isDev: false }) as unknown as InstanceType<
      typeof electron.BrowserWindow
    >;
    expect(window.options.webPreferences).toMatchObject({
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window.options.show).toBe(false);
    expect(window.loaded).toEqual({ file: entryFile });
  });

  it('shows the window once it is ready', () => {
    const window = createAppWindow({ preloadPath, rendererEntry: { file: entryFile }, isDev: false }) as unknown as InstanceType<
      typeof electron.BrowserWindow
    >;
    expect(window.show).not.toHaveBeenCalled();
    window.onceEvents['ready-to-show']?.();
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('blocks every kind of navigation away from the entry', () => {
    const window = createAppWindow({ preloadPath, rendererEntry: { file: entryFile }, isDev: false }) as unknown as InstanceType<
      typeof electron.BrowserWindow
    >;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(window, event, 'https://evil.com/'), event).toBe(false);
      expect(navigate(window, event, 'file:///etc/passwd'), event).toBe(false);
      expect(navigate(window, event, `file://${entryFile}#/rooms`), event).toBe(true);
    }
  });

  it('pins a dev server entry to its origin', () => {
    const window = createAppWindow({
      preloadPath,
      rendererEntry: { url: 'http://localhost:5173/' },
      isDev: true,
    }) as unknown as InstanceType<typeof electron.BrowserWindow>;
    expect(window.loaded).toEqual({ url: 'http://localhost:5173/' });
    expect(navigate(window, 'will-navigate', 'http://localhost:5173/')).toBe(true);
    expect(navigate(window, 'will-navigate', 'http://localhost:5174/')).toBe(false);
  });

  it('denies every popup and hands only safe https links to the system browser', async () => {
    const window = createAppWindow({ preloadPath, rendererEntry: { file: entryFile }, isDev: false }) as unknown as InstanceType<
      typeof electron.BrowserWindow
    >;
    for (const url of [
      'https://my.realsee.ai/console',
      'http://example.com/',
      'file:///etc/passwd',
      'https://user:pw@example.com/',
      'about:blank',
    ]) {
      expect(window.webContents.openHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://my.realsee.ai/console']]);
  });

  it('refuses to attach a <webview>', () => {
    const window = createAppWindow({ preloadPath, rendererEntry: { file: entryFile }, isDev: false }) as unknown as InstanceType<
      typeof electron.BrowserWindow
    >;
    const preventDefault = vi.fn();
    window.webContents.events['will-attach-webview']?.({ preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });
});
