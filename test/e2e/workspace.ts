import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
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

/** Saves a full-window screenshot under artifacts/screenshots/<en|zh-CN>/<screen>.png. */
export async function saveScreenshot(page: Page, locale: 'en' | 'zh-CN', screen: string): Promise<void> {
  const path = join(projectRoot, 'artifacts', 'screenshots', locale, `${screen}.png`);
  await mkdir(dirname(path), { recursive: true });
  // Let fonts settle and any focus animation end before the capture.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
}

/** Opens the app as someone who already went through the welcome screen, on the sandbox profile. */
export async function openWorkspace(app: HarnessApp): Promise<void> {
  await app.page.addInitScript(() => localStorage.setItem('roomdesk.welcomeSeen', 'true'));
  await app.open();
}

export interface NewRoomInput {
  title?: string;
  address?: string;
  vr?: string;
  notes?: string;
  guests?: Array<{ userId: string; nickname?: string }>;
}

/** Fills the new-room form in English and waits for the created room's page. Returns its code. */
export async function createRoom(page: Page, input: NewRoomInput = {}): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New viewing room' })).toBeVisible();
  for (const [index, guest] of (input.guests ?? []).entries()) {
    await page.getByRole('button', { name: 'Add guest' }).click();
    await page.getByLabel(`Guest ${index + 1} user ID`).fill(guest.userId);
    if (guest.nickname) await page.getByLabel(`Guest ${index + 1} nickname`).fill(guest.nickname);
  }
  if (input.title) await page.getByLabel('Listing title').fill(input.title);
  if (input.address) await page.getByLabel('Address').fill(input.address);
  if (input.vr) await page.getByLabel('VR link or code').fill(input.vr);
  if (input.notes) await page.getByLabel('Private notes').fill(input.notes);
  await page.getByRole('button', { name: 'Create room' }).click();
  const code = page.locator('.room-header__meta .mono');
  await expect(code).toHaveText(/^[A-Za-z0-9_-]+$/, { timeout: 10_000 });
  await expect(page.getByText(/^Last updated \d\d:\d\d:\d\d$/)).toBeVisible();
  return (await code.textContent())!.trim();
}

export function onlyRoom(app: HarnessApp) {
  const rooms = app.sandbox.rooms.list();
  expect(rooms).toHaveLength(1);
  return rooms[0]!;
}
