import type { Page } from '@playwright/test';
import { buildViewerFixture, serveViewerFixture } from './support/fixture-build';
import { expect, test } from './support/viewer-test';
import type { HarnessApp } from '../support/harness';

// These flows open the sandbox's http room page in the viewer (the real service returns a ws link).
test.use({ sandboxRoomLinks: 'page' });

let fixtureDir = '';
const SHOWN = { timeout: 20_000 };
test.beforeAll(async () => {
  test.setTimeout(60_000);
  fixtureDir = await buildViewerFixture();
});

/** The RoomViewer alone on a page of the app's origin, with the real preload and main behind it. */
async function mountViewer(app: HarnessApp, locale: 'en' | 'zh-CN' = 'en'): Promise<{ page: Page; roomCode: string }> {
  await app.open();
  const room = await app.services.rooms.createRoom({ guests: [], listing: {} });
  const fixtureUrl = await serveViewerFixture(app.page, new URL(app.page.url()).origin, fixtureDir);
  await app.page.goto(`${fixtureUrl}?room=${room.roomCode}&locale=${locale}`);
  return { page: app.page, roomCode: room.roomCode };
}

test.describe('the RoomViewer component', () => {
  // Each test starts the app, a sandbox and a second browser context: slow when the machine is busy.
  test.describe.configure({ timeout: 90_000 });

  test('opens the room in the viewer, reports its area, and has a labelled toolbar', async ({ app }) => {
    const { page } = await mountViewer(app);
    const viewer = page.getByRole('region', { name: 'Room viewer' });
    const toolbar = viewer.getByRole('toolbar', { name: 'Room viewer' });
    for (const name of ['← Back to room page', '⟳ Reload', 'Open in browser', '× Close viewer']) {
      await expect(toolbar.getByRole('button', { name })).toBeVisible();
    }
    const host = new URL(app.sandbox.baseUrl).host;
    const area = viewer.getByRole('region', { name: `Room page from ${host}` });
    await expect(area).toHaveAttribute('aria-busy', 'false', SHOWN);
    await expect(viewer).toHaveAttribute('data-viewer-phase', 'showing', SHOWN);
    await expect(app.viewer.current()!.locator('[data-room-self]')).toBeVisible();

    const box = await area.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { x: Math.round(rect.left), y: Math.round(rect.top), width: Math.round(rect.width), height: Math.round(rect.height) };
    });
    await expect.poll(() => app.viewer.bounds).toEqual(box);
    expect(app.viewer.visible).toBe(true);

    await toolbar.getByRole('button', { name: '← Back to room page' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-back-pressed', 'true');
  });

  test('asks before handing a ticket to the browser, and hides the room page while it asks', async ({ app }) => {
    const { page } = await mountViewer(app);
    await expect(page.getByRole('region', { name: 'Room viewer' })).toHaveAttribute('data-viewer-phase', 'showing', SHOWN);
    await page.getByRole('button', { name: 'Open in browser' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open this room in your browser?' });
    await expect(dialog).toContainText('new single-use ticket');
    await expect.poll(() => app.viewer.visible).toBe(false);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => app.viewer.visible).toBe(true);
    expect(app.viewer.openedExternally).toEqual([]);

    await page.getByRole('button', { name: 'Open in browser' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Open in browser' }).click();
    await expect.poll(() => app.viewer.openedExternally.length).toBe(1);
    expect(new URL(app.viewer.openedExternally[0]!).searchParams.get('ticket')).toBeTruthy();
    expect(await page.content()).not.toMatch(/ticket=/);
  });

  test('a blocked link is reported with its host and offered to the browser only after asking', async ({ app }) => {
    const { page } = await mountViewer(app);
    await expect(page.getByRole('region', { name: 'Room viewer' })).toHaveAttribute('data-viewer-phase', 'showing', SHOWN);
    await app.viewer.current()!.evaluate(() => {
      location.href = 'https://example.com/brochure.pdf';
    });
    const banner = page.getByRole('alert').filter({ hasText: 'tried to open example.com' });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Open in browser…' }).click();
    await expect(page.getByRole('dialog', { name: 'Open this link in your browser?' })).toContainText('example.com');
    await page.getByRole('dialog').getByRole('button', { name: 'Open in browser' }).click();
    await expect.poll(() => app.viewer.openedExternally).toEqual(['https://example.com/brochure.pdf']);
  });

  test('asks the agent before a room page gets the microphone, and main gets the answer', async ({ app }) => {
    const { page } = await mountViewer(app);
    await expect(page.getByRole('region', { name: 'Room viewer' })).toHaveAttribute('data-viewer-phase', 'showing', SHOWN);
    const answer = app.services.microphone.ask(`${app.sandbox.baseUrl}/room`);
    const banner = page.getByRole('alert').filter({ hasText: 'wants to use your microphone' });
    await expect(banner).toContainText(new URL(app.sandbox.baseUrl).host);
    await banner.getByRole('button', { name: 'Allow microphone' }).click();
    expect(await answer).toBe(true);
    await expect(banner).toBeHidden();
  });

  test("shows why a room cannot be shown, with Realsee's request id and a retry", async ({ app }) => {
    const { page, roomCode } = await mountViewer(app);
    const viewer = page.getByRole('region', { name: 'Room viewer' });
    await expect(viewer).toHaveAttribute('data-viewer-phase', 'showing', SHOWN);
    app.sandbox.rooms.close(roomCode);
    await page.getByRole('button', { name: '⟳ Reload' }).click();
    const failure = viewer.getByRole('alert');
    await expect(failure).toContainText('Roomdesk could not get a ticket for this room.');
    await expect(failure).toContainText(/Request id: \w+/);
    await expect(failure.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(app.viewer.visible).toBe(false);
  });

  test('close frees the page; the viewer can be opened again with a new ticket', async ({ app }) => {
    const { page } = await mountViewer(app);
    const viewer = page.getByRole('region', { name: 'Room viewer' });
    await expect(viewer).toHaveAttribute('data-viewer-phase', 'showing', SHOWN);
    const first = app.viewer.current()!;
    await page.getByRole('button', { name: '× Close viewer' }).click();
    await expect(viewer).toHaveAttribute('data-viewer-phase', 'closed');
    await expect(page.locator('body')).toHaveAttribute('data-closed-by-agent', 'true');
    await expect.poll(() => first.isClosed()).toBe(true);

    await viewer.getByRole('button', { name: 'Open the viewer again' }).click();
    await expect(viewer).toHaveAttribute('data-viewer-phase', 'showing', SHOWN);
    expect(new URL(app.viewer.current()!.url()).searchParams.get('ticket')).not.toBe(new URL(first.url()).searchParams.get('ticket'));
  });

  test('speaks Simplified Chinese', async ({ app }) => {
    const { page } = await mountViewer(app, 'zh-CN');
    const viewer = page.getByRole('region', { name: '房间查看器' });
    await expect(viewer).toHaveAttribute('data-viewer-phase', 'showing', SHOWN);
    for (const name of ['← 返回房间页', '⟳ 重新加载', '在浏览器中打开', '× 关闭查看器']) {
      await expect(viewer.getByRole('button', { name })).toBeVisible();
    }
    await page.getByRole('button', { name: '在浏览器中打开' }).click();
    await expect(page.getByRole('dialog', { name: '在浏览器中打开此房间？' })).toContainText('一次性票据');
  });
});
