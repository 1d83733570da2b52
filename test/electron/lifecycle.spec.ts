import { once } from 'node:events';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronSuite, type LaunchedApp } from './launch';

const { skipWithoutElectron, launch, startAgain } = electronSuite('Electron lifecycle suite');

/** Each test gets its own app: these end it. */
let launched: LaunchedApp | null = null;

test.beforeEach(async () => {
  skipWithoutElectron();
  launched = await launch();
  await expect(launched!.page.locator('html[data-app-ready="true"]')).toBeAttached({ timeout: 15_000 });
});

test.afterEach(async () => {
  await launched?.close();
  launched = null;
});

async function createRoom(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const created = await window.roomdesk.createRoom({ guests: [], listing: {} });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.roomCode;
  });
}

async function openViewer(page: Page, roomCode: string): Promise<void> {
  await page.evaluate(async (code) => {
    const opened = await window.roomdesk.openViewer({ roomCode: code, bounds: { x: 0, y: 100, width: 800, height: 500 } });
    if (!opened.ok) throw new Error(opened.error.message);
  }, roomCode);
}

/** Waits for the Electron process to end; its exit code. */
async function exitOf(app: ElectronApplication, timeoutMs: number): Promise<number | null> {
  const child = app.process();
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await Promise.race([
    once(child, 'exit'),
    new Promise((_, fail) => setTimeout(() => fail(new Error(`still running after ${timeoutMs} ms`)), timeoutMs)),
  ])) as [number | null];
  return code;
}

function problemsIn(log: string): string[] {
  return log.split('\n').filter((line) => /uncaught|unhandled|Object has been destroyed/i.test(line));
}

test('closing the window with the viewer open ends the app cleanly', async () => {
  const { app, page } = launched!;
  await openViewer(page, await createRoom(page));
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.contentView.children.length ?? 0), {
      timeout: 15_000,
    })
    .toBe(1);
  const viewerCount = () =>
    app.evaluate(({ webContents }) => webContents.getAllWebContents().filter((contents) => contents.getURL().includes('/room/')).length);
  expect(await viewerCount()).toBe(1);

  if (process.platform === 'darwin') {
    // macOS keeps the app running without windows: the viewer's page must be gone all the same.
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect.poll(viewerCount).toBe(0);
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
  } else {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close()).catch(() => undefined);
  }
  expect(await exitOf(app, 10_000)).toBe(0);
  expect(problemsIn(launched!.mainLog())).toEqual([]);
});

test('quitting with the live channel open ends the app within a few seconds', async () => {
  const { app, page } = launched!;
  const roomCode = await createRoom(page);
  const connected = await page.evaluate(
    async (code) => (await window.roomdesk.connectLiveChannel({ roomCode: code, holder: 'voice' })).ok,
    roomCode,
  );
  expect(connected).toBe(true);
  const started = Date.now();
  await app.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => undefined);
  expect(await exitOf(app, 10_000)).toBe(0);
  expect(Date.now() - started).toBeLessThan(8_000);
  expect(problemsIn(launched!.mainLog())).toEqual([]);
});

test('the zoom keys do not zoom the page away from the viewer', async () => {
  const { app, page } = launched!;
  await openViewer(page, await createRoom(page));
  const facts = () =>
    app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0]!;
      return { zoom: window.webContents.getZoomFactor(), viewer: window.contentView.children[0]?.getBounds() ?? null };
    });
  await expect.poll(async () => (await facts()).viewer, { timeout: 15_000 }).not.toBeNull();
  const before = await facts();
  const modifier = process.platform === 'darwin' ? 'Meta' : 'Control';
  for (const key of ['Equal', 'Shift+Equal', 'Minus', 'Digit0']) await page.keyboard.press(`${modifier}+${key}`);
  await page.mouse.move(400, 300);
  await page.keyboard.down(modifier);
  await page.mouse.wheel(0, -300);
  await page.keyboard.up(modifier);
  await page.waitForTimeout(300);
  expect(await facts()).toEqual({ zoom: 1, viewer: before.viewer });
});

test('a second start brings the running window forward and exits by itself', async () => {
  const { app, userDataDir } = launched!;
  const second = startAgain(userDataDir)!;
  const [code] = (await Promise.race([
    once(second, 'exit'),
    new Promise((_, fail) => setTimeout(() => fail(new Error('the second instance kept running')), 15_000)),
  ])) as [number | null];
  expect(code).toBe(0);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(true);
});
