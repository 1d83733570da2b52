import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as harnessTest, expect, type HarnessApp } from '../../support/harness';
import { buildHistoryPreview } from './build-history-preview';

/**
 * The browser harness with the history review page (renderer/src/features/history/preview) in place of
 * the app shell, built once per worker, and a fast background probe so "back online" is quick.
 */
export const test = harnessTest.extend<object, { historyPreviewDir: string }>({
  historyPreviewDir: [
    async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'roomdesk-history-page-'));
      await buildHistoryPreview(dir);
      await use(dir);
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  rendererRoot: async ({ historyPreviewDir }, use) => use(historyPreviewDir),
  networkBackoff: { initialMs: 200, maxMs: 800, factor: 2 },
});

export { expect };

export interface NewRoom {
  title?: string;
  address?: string;
  notes?: string;
  guests?: Array<{ userId: string; role: string; nickname?: string }>;
}

/** Creates rooms through the page's bridge, as the app's new-room screen does. */
export async function createRooms(page: Page, rooms: NewRoom[]): Promise<string[]> {
  return page.evaluate(async (list) => {
    const bridge = (
      window as unknown as {
        roomdesk: { createRoom(input: unknown): Promise<{ ok: boolean; value?: { roomCode: string }; error?: { message: string } }> };
      }
    ).roomdesk;
    const codes: string[] = [];
    for (const room of list) {
      const listing = Object.fromEntries(
        Object.entries({ title: room.title, address: room.address, notes: room.notes }).filter(([, v]) => v !== undefined),
      );
      const result = await bridge.createRoom({ listing, guests: room.guests ?? [] });
      if (!result.ok || !result.value) throw new Error(`createRoom failed: ${result.error?.message}`);
      codes.push(result.value.roomCode);
    }
    return codes;
  }, rooms);
}

/** Fetches live details for each room through the bridge (this records a snapshot in history). */
export async function fetchDetails(page: Page, codes: string[]): Promise<void> {
  await page.evaluate(async (list) => {
    const bridge = (
      window as unknown as { roomdesk: { getRoomDetails(input: unknown): Promise<{ ok: boolean; error?: { message: string } }> } }
    ).roomdesk;
    for (const roomCode of list) {
      const result = await bridge.getRoomDetails({ roomCode });
      if (!result.ok) throw new Error(`getRoomDetails failed: ${result.error?.message}`);
    }
  }, codes);
}

export function historyList(page: Page) {
  return page.getByRole('listbox', { name: 'Saved rooms' });
}

export function rowFor(page: Page, roomCode: string) {
  return historyList(page).locator(`[role="option"][data-room-code="${roomCode}"]`);
}

/** The sandbox gateway goes away: connections are refused from now on. */
export async function stopSandbox(app: HarnessApp): Promise<void> {
  await app.sandbox.close();
}
