// The room history list in Chromium: time to first render and row elements in the DOM with 10,000
// rooms (5 snapshots each), against the same page with no rooms measured in the same run. The
// page is the history review built on its own (renderer/src/features/history/preview) with the real
// preload bundle, calling the real main dispatcher and history service, as the browser tests do.
import { chromium, type Browser } from '@playwright/test';
import Conf from 'conf';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppServices } from '../../main/app-services';
import { createBridgeDispatcher } from '../../main/bridge/dispatch';
import { createBridgeHandlers } from '../../main/bridge/handlers';
import { encodeJournal, JOURNAL_FILE_NAME } from '../../main/history/history-store';
import { createLogger, SecretRegistry } from '../../main/logging/logger';
import { contentSecurityPolicy } from '../../main/shell/content-security-policy';
import { methodNames, type MethodName } from '../../common/contract/index';
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium';
import { preloadShimScript } from '../../test/e2e/support/preload-shim';
import { serveDirectory } from '../../test/e2e/support/static-server';
import { buildHistoryPreview } from '../../test/e2e/history/support/build-history-preview';
import { generateRooms } from './history';

const ROOMS = 10_000;
const LOADS = 5;
const ROW_TARGET = 100;
const projectRoot = resolve(import.meta.dirname, '../..');
const preloadPath = join(projectRoot, 'out/preload/index.cjs');
const BINDING = '__benchInvoke';
const channels = new Map<string, MethodName>(methodNames.map((m) => [`roomdesk:${m}`, m]));

// Records, inside the page, when the list first shows its answer: rows, or the empty state.
const FIRST_RENDER_PROBE = `(() => {
  const seen = () => {
    const list = document.querySelector('[data-history-list][data-state="ready"]');
    if (!list) return false;
    return list.querySelector('[role="option"]:not([aria-busy="true"])') !== null || list.querySelector('.rd-empty') !== null;
  };
  new MutationObserver((_, observer) => {
    if (window.__firstRender === undefined && seen()) {
      window.__firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

interface Figures {
  firstRenderMs: number;
  rowElements: number;
  rowElementsMidway: number;
  searchMs: number;
}

export default {
  title: 'Room history list in Chromium',
  async run(): Promise<void> {
    if (!existsSync(preloadPath)) {
      console.log('(skipped: build the app first with `npx electron-vite build`; the page needs out/preload/index.cjs)');
      return;
    }
    const pageDir = await mkdtemp(join(tmpdir(), 'roomdesk-history-render-page-'));
    let browser: Browser | null = null;
    try {
      await buildHistoryPreview(pageDir);
      browser = await chromium.launch(chromiumLaunchOptions());
      const baseline = await measure(browser, pageDir, 0);
      const full = await measure(browser, pageDir, ROOMS);
      const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;
      console.log(`first render, 0 rooms (baseline)       ${ms(baseline.firstRenderMs)}`);
      console.log(
        `first render, ${ROOMS.toLocaleString('en')} rooms              ${ms(full.firstRenderMs)}   ratio ${(full.firstRenderMs / baseline.firstRenderMs).toFixed(2)} (median of ${LOADS} loads)`,
      );
      console.log(
        `row elements in the DOM at ${ROOMS.toLocaleString('en')}       ${String(full.rowElements).padStart(8)}      (target ≤ ${ROW_TARGET})`,
      );
      console.log(`row elements after scrolling midway    ${String(full.rowElementsMidway).padStart(8)}`);
      console.log(`search typed → list updated at ${ROOMS.toLocaleString('en')}  ${ms(full.searchMs)}   (includes the 200 ms debounce)`);
    } finally {
      await browser?.close();
      await rm(pageDir, { recursive: true, force: true });
    }
  },
};

async function measure(browser: Browser, pageDir: string, roomCount: number): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'roomdesk-history-render-data-'));
  if (roomCount > 0) await writeFile(join(dataDir, JOURNAL_FILE_NAME), encodeJournal(generateRooms(roomCount)));
  const secrets = new SecretRegistry();
  const logger = createLogger(() => undefined, secrets);
  const services = await createAppServices({
    dataDir,
    profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-bench' }),
    vault: { get: async () => null, set: async () => undefined, delete: async () => false },
    sandbox: null,
    logger,
    secrets,
    appVersion: 'bench',
    platform: process.platform,
    chooseExportPath: async () => null,
    emit: () => undefined,
  });
  const dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);
  const server = await serveDirectory(pageDir, contentSecurityPolicy({ isDev: false }));
  const preload = preloadShimScript(await readFile(preloadPath, 'utf8'), BINDING);
  const figures: Figures[] = [];
  try {
    for (let load = 0; load < LOADS; load++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.exposeBinding(BINDING, async (_source, channel: unknown, input: unknown) => {
        const method = typeof channel === 'string' ? channels.get(channel) : undefined;
        return dispatch(method ?? String(channel), input, { trusted: true });
      });
      await page.addInitScript({ content: preload });
      await page.addInitScript({ content: FIRST_RENDER_PROBE });
      await page.goto(`${server.origin}/index.html?view=list`);
      await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, {
        timeout: 30_000,
      });
      const firstRenderMs = await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender);
      const rows = page.locator('[role="option"]');
      const rowElements = await rows.count();
      let rowElementsMidway = 0;
      let searchMs = 0;
      if (roomCount > 0) {
        await page.locator('[role="listbox"]').evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
        await page.waitForFunction(() => document.querySelectorAll('[role="option"][aria-busy="true"]').length === 0);
        rowElementsMidway = await rows.count();
        const started = await page.evaluate(() => performance.now());
        await page.getByRole('searchbox').fill('R-00042');
        await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length === 1);
        searchMs = (await page.evaluate(() => performance.now())) - started;
      }
      figures.push({ firstRenderMs, rowElements, rowElementsMidway, searchMs });
      await context.close();
    }
  } finally {
    await server.close();
    await services.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
  const median = (pick: (f: Figures) => number) => {
    const sorted = figures.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    firstRenderMs: median((f) => f.firstRenderMs),
    rowElements: Math.max(...figures.map((f) => f.rowElements)),
    rowElementsMidway: Math.max(...figures.map((f) => f.rowElementsMidway)),
    searchMs: median((f) => f.searchMs),
  };
}
