import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { NewRoomPage, type NewRoomInput } from './pages/new-room-page';
import { RoomPage } from './pages/room-page';
import { test as harnessTest, expect, type HarnessApp } from './support/harness';

/** The harness's fixtures, with room for the longer multi-screen flows these specs walk through. */
export const test = harnessTest.extend({
  page: async ({ page }, use, testInfo) => {
    // Each test starts real services (keychain, sandbox, stores); flows span several screens.
    testInfo.setTimeout(Math.max(testInfo.timeout, 60_000));
    await use(page);
  },
});
export { expect };

const projectRoot = resolve(import.meta.dirname, '../..');

/** Where the screenshot suite keeps a screen's picture: artifacts/screenshots/<en|zh-CN>/<screen>.png (the folder made). */
export async function screenshotPath(locale: 'en' | 'zh-CN', screen: string): Promise<string> {
  const path = join(projectRoot, 'artifacts', 'screenshots', locale, `${screen}.png`);
  await mkdir(dirname(path), { recursive: true });
  return path;
}

/** Saves a full-window screenshot under artifacts/screenshots/<en|zh-CN>/<screen>.png. */
export async function saveScreenshot(page: Page, locale: 'en' | 'zh-CN', screen: string): Promise<void> {
  const path = await screenshotPath(locale, screen);
  // Let fonts settle and any focus animation end before the capture.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
}

/** Opens the app as someone who already went through the welcome screen, on the sandbox profile. */
export async function openWorkspace(app: HarnessApp): Promise<void> {
  await app.page.addInitScript(() => localStorage.setItem('roomdesk.welcomeSeen', 'true'));
  await app.open();
}

export type { NewRoomInput } from './pages/new-room-page';

/** Fills the new-room form in English and waits for the created room's page. Returns its code. */
export async function createRoom(page: Page, input: NewRoomInput = {}): Promise<string> {
  const form = new NewRoomPage(page);
  await form.open();
  await expect(form.heading1).toBeVisible();
  await form.fill(input);
  await form.create.click();
  const room = new RoomPage(page);
  await expect(room.code).toHaveText(/^[A-Za-z0-9_-]+$/, { timeout: 10_000 });
  await expect(room.lastUpdated).toBeVisible();
  return (await room.code.textContent())!.trim();
}

export function onlyRoom(app: HarnessApp) {
  const rooms = app.sandbox.rooms.list();
  expect(rooms).toHaveLength(1);
  return rooms[0]!;
}
