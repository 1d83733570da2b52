import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronSuite } from './launch';

const { skipWithoutElectron, launch } = electronSuite('Electron viewer suite');

interface ViewerFacts {
  count: number;
  url: string;
  /** What our preload leaves in Electron's preload world (999): an object where it ran. */
  preloadWorldMark: string;
  sandbox: boolean | undefined;
  contextIsolation: boolean | undefined;
  nodeIntegration: boolean | undefined;
  ownSession: boolean;
  viewerPartitionSession: boolean;
  sessionPreloads: number;
}

test.describe('the embedded viewer in the real Electron app', () => {
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let close: (() => Promise<void>) | undefined;
  let roomCode = '';

  test.beforeAll(async () => {
    skipWithoutElectron();
    const launched = await launch();
    if (!launched) return;
    ({ app, page, close } = launched);
    await expect(page.locator('html[data-app-ready="true"]')).toBeAttached({ timeout: 15_000 });
    roomCode = await page.evaluate(async () => {
      const created = await window.roomdesk.createRoom({ guests: [], listing: {} });
      if (!created.ok) throw new Error(created.error.message);
      const opened = await window.roomdesk.openViewer({
        roomCode: created.value.roomCode,
        bounds: { x: 0, y: 100, width: 800, height: 500 },
      });
      if (!opened.ok) throw new Error(opened.error.message);
      return created.value.roomCode;
    });
  });

  test.afterAll(async () => {
    await close?.();
  });

  test.beforeEach(() => skipWithoutElectron());

  /** The room page's webContents, found in main by what it shows. */
  async function viewerFacts(): Promise<ViewerFacts> {
    return app.evaluate(async ({ webContents, session }, code) => {
      const all = webContents.getAllWebContents().filter((contents) => contents.getURL().includes(`/room/${code}`));
      const contents = all[0];
      if (!contents)
        return {
          count: 0,
          url: '',
          preloadWorldMark: '',
          sandbox: undefined,
          contextIsolation: undefined,
          nodeIntegration: undefined,
          ownSession: false,
          viewerPartitionSession: false,
          sessionPreloads: -1,
        };
      const prefs = (contents as unknown as { getLastWebPreferences(): Electron.WebPreferences | null }).getLastWebPreferences();
      const viewerSession = session.fromPartition('roomdesk-viewer');
      // getLastWebPreferences() never reports `preload`, so ask the preload world itself.
      const preloadWorldMark = String(
        await contents.executeJavaScriptInIsolatedWorld(999, [{ code: 'typeof globalThis.__zod_globalConfig' }]),
      );
      return {
        count: all.length,
        url: contents.getURL(),
        preloadWorldMark,
        sandbox: prefs?.sandbox,
        contextIsolation: prefs?.contextIsolation,
        nodeIntegration: prefs?.nodeIntegration,
        ownSession: contents.session !== session.defaultSession,
        viewerPartitionSession: contents.session === viewerSession,
        sessionPreloads: contents.session.getPreloadScripts().length,
      };
    }, roomCode);
  }

  test('the room page runs in its own partition, sandboxed, with no preload', async () => {
    await expect.poll(async () => (await viewerFacts()).count, { timeout: 15_000 }).toBe(1);
    // The same probe in the app window finds our preload's mark: the probe can see a preload.
    const appWindowMark = await app.evaluate(async ({ BrowserWindow }) =>
      String(
        await BrowserWindow.getAllWindows()[0]!.webContents.executeJavaScriptInIsolatedWorld(999, [
          { code: 'typeof globalThis.__zod_globalConfig' },
        ]),
      ),
    );
    expect(appWindowMark).toBe('object');
    const facts = await viewerFacts();
    expect(facts).toMatchObject({
      preloadWorldMark: 'undefined',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      ownSession: true,
      viewerPartitionSession: true,
      sessionPreloads: 0,
    });
  });

  test('the room page cannot reach the bridge or Node', async () => {
    const globals = await app.evaluate(async ({ webContents }, code) => {
      const contents = webContents.getAllWebContents().find((candidate) => candidate.getURL().includes(`/room/${code}`));
      return contents?.executeJavaScript(
        '({ bridge: typeof window.roomdesk, require: typeof require, process: typeof process, ipc: Object.keys(window).filter((k) => /ipc|electron|roomdesk/i.test(k)) })',
      );
    }, roomCode);
    expect(globals).toEqual({ bridge: 'undefined', require: 'undefined', process: 'undefined', ipc: [] });
  });

  test('the room page cannot navigate to a foreign origin', async () => {
    const before = (await viewerFacts()).url;
    await app.evaluate(async ({ webContents }, code) => {
      const contents = webContents.getAllWebContents().find((candidate) => candidate.getURL().includes(`/room/${code}`));
      await contents?.executeJavaScript("location.href = 'https://example.com/elsewhere'; true");
    }, roomCode);
    await page.waitForTimeout(500);
    expect((await viewerFacts()).url).toBe(before);
    const state = await page.evaluate(async () => window.roomdesk.getViewerState());
    expect(state.ok && state.value.blocked).toEqual({ host: 'example.com', offerExternal: true });
  });
});
