import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { tourPageChannelFor, tourPageEventChannelFor, tourPageMethodNames, type TourPageMethod } from '../../../../common/contract/tour';
import type { ViewerBounds } from '../../../../main/viewer/viewer-host';
import type { TourHostFactory } from '../../../../main/tour/tour-host';
import type { TourPageDispatcher } from '../../../../main/tour/tour-page-dispatch';
import { preloadShimScript } from '../../support/preload-shim';

const projectRoot = resolve(import.meta.dirname, '../../../..');
/** The tour view's preload as the guest build makes it (vite.guest.config.ts). */
const TOUR_PRELOAD = join(projectRoot, 'out/tour-preload/index.cjs');
const INVOKE_BINDING = '__roomdeskTourInvoke';
const channels = new Map<string, TourPageMethod>(tourPageMethodNames.map((method) => [tourPageChannelFor(method), method]));

/** What the tests can see of the tour view: its pages, where main placed it, and what main pushed to it. */
export interface PageTourRecord {
  /** Every tour page main opened, oldest first; each in a browser context of its own. */
  pages: Page[];
  current(): Page | undefined;
  bounds: ViewerBounds | null;
  visible: boolean | null;
  /** Every event main pushed to a tour page, as it was sent (for secret checks). */
  sent: Array<{ event: string; payload: unknown }>;
  /** Resolves once every closed page is really gone. */
  settled(): Promise<void>;
}

/**
 * The harness's stand-in for the tour WebContentsView: a page in a browser context of its own (as the
 * view has its own partition), with the real tour preload bundle run through the preload shim. Its
 * `ipcRenderer.invoke` reaches main's tour page dispatcher through a binding of that context only, and
 * only the open page's top frame counts as trusted, as the Electron glue decides by webContents.
 */
export function pageTourHost(browser: Browser, dispatch: () => TourPageDispatcher): { factory: TourHostFactory; record: PageTourRecord } {
  const closing: Array<Promise<void>> = [];
  const record: PageTourRecord = {
    pages: [],
    current: () => record.pages.at(-1),
    bounds: null,
    visible: null,
    sent: [],
    settled: async () => {
      await Promise.all(closing);
    },
  };

  const factory: TourHostFactory = (listener) => {
    let closed = false;
    let pushes: Promise<unknown> = Promise.resolve();
    const ready: Promise<{ context: BrowserContext; page: Page }> = (async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      record.pages.push(page);
      await context.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, input: unknown) => {
        const method = typeof channel === 'string' ? channels.get(channel) : undefined;
        const trusted = !closed && source.page === page && source.frame === page.mainFrame();
        return dispatch()(method ?? String(channel), input, { trusted });
      });
      await context.addInitScript({ content: preloadShimScript(await readFile(TOUR_PRELOAD, 'utf8'), INVOKE_BINDING) });
      // What the page's policy refused, for the tests to read (`window.__cspViolations`).
      await context.addInitScript(() => {
        const seen: string[] = [];
        Object.defineProperty(window, '__cspViolations', { value: seen });
        document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
      });
      page.on('crash', () => !closed && listener.gone('crashed'));
      return { context, page };
    })();
    ready.catch(() => undefined);

    return {
      load(url) {
        void ready
          .then(({ page }) =>
            page.goto(url).catch((error: unknown) => {
              if (!closed) listener.loadFailed(/net::ERR_[A-Z_]+/.exec(String(error))?.[0] ?? 'load failed');
            }),
          )
          .catch(() => undefined);
      },
      setBounds(bounds) {
        record.bounds = bounds;
        if (bounds.width > 0 && bounds.height > 0)
          void ready.then(({ page }) => page.setViewportSize({ width: bounds.width, height: bounds.height })).catch(() => undefined);
      },
      setVisible(visible) {
        record.visible = visible;
      },
      send(event, payload) {
        record.sent.push({ event, payload });
        // In order, as webContents.send delivers them.
        pushes = pushes
          .then(() => ready)
          .then(({ page }) =>
            page.evaluate(
              ([channel, body]) =>
                (window as unknown as { __roomdeskHarnessEmit(c: string, p: unknown): void }).__roomdeskHarnessEmit(channel, body),
              [tourPageEventChannelFor(event), payload] as const,
            ),
          )
          .catch(() => undefined);
      },
      close() {
        closed = true;
        record.visible = false;
        closing.push(ready.then(({ context }) => context.close()).catch(() => undefined));
      },
    };
  };
  return { factory, record };
}

/**
 * A full-window picture of the app with the tour in it. In the app the tour is a native view drawn
 * over the window; here it is a page of its own, so its screenshot is laid over the app page as an
 * <img> at the bounds main gave it, captured, and removed again.
 */
export async function compositeScreenshot(app: Page, record: PageTourRecord, path: string): Promise<void> {
  const tour = record.current();
  const bounds = record.bounds;
  if (!tour || !bounds || !record.visible || bounds.width === 0) {
    await app.screenshot({ path, animations: 'disabled', caret: 'hide' });
    return;
  }
  const picture = (await tour.screenshot({ animations: 'disabled' })).toString('base64');
  await app.evaluate(
    ({ data, box }) => {
      const image = document.createElement('img');
      image.id = 'tour-composite';
      image.src = `data:image/png;base64,${data}`;
      Object.assign(image.style, {
        position: 'fixed',
        left: `${box.x}px`,
        top: `${box.y}px`,
        width: `${box.width}px`,
        height: `${box.height}px`,
        zIndex: '2147483647',
        pointerEvents: 'none',
      });
      document.body.append(image);
      return image.decode();
    },
    { data: picture, box: bounds },
  );
  try {
    await app.screenshot({ path, animations: 'disabled', caret: 'hide' });
  } finally {
    await app.evaluate(() => document.getElementById('tour-composite')?.remove());
  }
}
