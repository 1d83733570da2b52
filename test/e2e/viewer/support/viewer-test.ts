import type { Page } from '@playwright/test';
import { test as harnessTest, expect, type HarnessApp } from '../../support/harness';
import type { EventPayload, MethodInput } from '../../../../preload/contract';

/**
 * The harness, with zod's JIT off before the preload bundle runs (the preload is evaluated before
 * the page's CSP applies, so zod would compile parsers that the CSP later refuses).
 */
export const test = harnessTest.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(() => {
      const holder = globalThis as unknown as { __zod_globalConfig?: Record<string, unknown> };
      holder.__zod_globalConfig = { ...(holder.__zod_globalConfig ?? {}), jitless: true };
      localStorage.setItem('roomdesk.welcomeSeen', 'true');
    });
    await use(page);
  },
  // The viewer's pages live in browser contexts of their own: close them before the test ends,
  // or Playwright finds them closing while it collects the test's traces.
  app: async ({ app }, use) => {
    await use(app);
    app.services.viewer.dispose();
    await app.viewer.settled();
  },
});
export { expect };

export type ViewerState = EventPayload<'viewerState'>;
/** Opening a room takes a details call, a ticket and a page load: allow for a busy machine. */
export const SHOWN = { timeout: 20_000 };
export const AREA = { x: 0, y: 120, width: 900, height: 560 };

/** Opens the app, starts recording viewer events in the page, and creates a room in the sandbox. */
export async function appWithRoom(app: HarnessApp): Promise<string> {
  await app.open();
  await app.page.evaluate(() => {
    const scope = window as unknown as { __viewerStates: unknown[]; __presence: unknown[] };
    scope.__viewerStates = [];
    scope.__presence = [];
    window.roomdesk.onViewerState((state) => scope.__viewerStates.push(state));
    window.roomdesk.onLivePresence((presence) => scope.__presence.push(presence));
  });
  const room = await app.services.rooms.createRoom({ guests: [], listing: { title: 'Viewer test flat' } });
  return room.roomCode;
}

/** Calls a bridge method from the app page, as the renderer does; returns its value or throws its error. */
export async function call<
  M extends 'openViewer' | 'reloadViewer' | 'closeViewer' | 'getViewerState' | 'openViewerInBrowser' | 'openBlockedLinkInBrowser',
>(page: Page, method: M, input?: MethodInput<M>): Promise<any> {
  const result = await page.evaluate(
    ([name, body]) => (window.roomdesk as unknown as Record<string, (input?: unknown) => Promise<unknown>>)[name]!(body),
    [method, input] as const,
  );
  const typed = result as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!typed.ok) throw new Error(`${method} failed: ${typed.error?.message}`);
  return typed.value;
}

export async function viewerStates(page: Page): Promise<ViewerState[]> {
  return page.evaluate(() => (window as unknown as { __viewerStates: ViewerState[] }).__viewerStates);
}

export async function latestPhase(page: Page): Promise<string | undefined> {
  return (await viewerStates(page)).at(-1)?.phase;
}

export function ticketOf(url: string): string | null {
  return new URL(url).searchParams.get('ticket');
}
