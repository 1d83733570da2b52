import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  parseProbe,
  ROOM_PAGE_PROBE,
  type RoomPageProbe,
  type ViewerBounds,
  type ViewerHostFactory,
} from '../../../../main/viewer/viewer-host';

/** What the tests can see of the viewer: its pages, what it was told, what went to the "system browser". */
export interface PageViewerRecord {
  /** Every page the controller created, oldest first; each lives in its own browser context. */
  pages: Page[];
  current(): Page | undefined;
  /** Navigations the host blocked because the controller said so. */
  blocked: string[];
  visible: boolean | null;
  bounds: ViewerBounds | null;
  /** URLs handed to the system browser (the harness records instead of opening). */
  openedExternally: string[];
  /** Resolves once every page the controller closed is really gone (await it before a test ends). */
  settled(): Promise<void>;
}

/**
 * The harness's stand-in for the WebContentsView: a page in a browser context of its own (as the
 * viewer has its own partition, without the app's preload or bridge), driven by the same
 * controller. Navigations are asked of the controller through request interception, which sees
 * page-initiated navigations and frames too (redirects are followed by the browser unasked).
 */
export function pageViewerHost(browser: Browser): { factory: ViewerHostFactory; record: PageViewerRecord } {
  const record: PageViewerRecord = {
    pages: [],
    current: () => record.pages.at(-1),
    blocked: [],
    visible: null,
    bounds: null,
    openedExternally: [],
    settled: async () => {
      await Promise.all(closing);
    },
  };
  const closing: Array<Promise<void>> = [];

  const factory: ViewerHostFactory = (listener) => {
    let closed = false;
    let httpStatus: number | null = null;
    const ready: Promise<{ context: BrowserContext; page: Page }> = (async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      record.pages.push(page);
      // Requests still in flight when the context closes reject; that is the end of the page, not an error.
      await page.route('**/*', async (route) => {
        const request = route.request();
        if (request.isNavigationRequest() && !closed) {
          const isMainFrame = request.frame() === page.mainFrame();
          if (listener.navigationAttempt(request.url(), isMainFrame) !== 'allow') {
            record.blocked.push(request.url());
            // ERR_ABORTED leaves the current page in place (no error page), as preventDefault does in Electron.
            return route.abort('aborted').catch(() => undefined);
          }
        }
        return route.continue().catch(() => undefined);
      });
      page.on('response', (response) => {
        if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) httpStatus = response.status();
      });
      page.on('load', () => {
        void probe(page)
          .then(async (read) => {
            if (closed) return;
            const title = await page.title().catch(() => '');
            if (closed) return;
            listener.titleChanged(title);
            listener.loaded({ httpStatus, probe: read ?? { roomError: null, ended: false } });
          })
          .catch(() => undefined);
      });
      page.on('crash', () => !closed && listener.gone('crashed'));
      page.on('popup', (popup) => {
        listener.navigationAttempt(popup.url(), true);
        void popup.close().catch(() => undefined);
      });
      return { context, page };
    })();
    ready.catch(() => undefined);

    return {
      load(url) {
        void ready
          .then(({ page }) =>
            page.goto(url).catch((error: unknown) => {
              if (closed) return;
              // Playwright's message holds the URL (and so the ticket): only the net:: code is passed on.
              const code = /net::ERR_[A-Z_]+/.exec(String(error))?.[0] ?? 'load failed';
              listener.loadFailed({
                errorCode: code === 'net::ERR_ABORTED' || code === 'net::ERR_BLOCKED_BY_CLIENT' ? -3 : -2,
                description: code,
              });
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
      async probe() {
        return closed ? null : probe((await ready).page);
      },
      close() {
        closed = true;
        // A closed view shows nothing.
        record.visible = false;
        closing.push(ready.then(({ context }) => context.close()).catch(() => undefined));
      },
    };
  };
  return { factory, record };
}

async function probe(page: Page): Promise<RoomPageProbe | null> {
  return parseProbe(await page.evaluate(ROOM_PAGE_PROBE).catch(() => null));
}
