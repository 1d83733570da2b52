import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_FILE_NAME } from '../../../main/history/history-store';
import { test, expect, createRooms, fetchDetails, rowFor, stopSandbox } from './support/history-test';
import { startTcpRelay } from './support/tcp-relay';

test.describe('room history across network loss and restarts', () => {
  test('a note edited offline is saved; when the network returns the open room refreshes by itself', async ({ app }) => {
    const { page } = app;
    // The agent reaches the gateway through a relay: stopping it is the network going away while
    // the gateway keeps its rooms, so the refresh after reconnecting has something to find.
    const relay = await startTcpRelay(app.sandbox.baseUrl);
    try {
      await app.open();
      const profile = await page.evaluate(
        async ({ baseUrl, appKey, appSecret }) => {
          const bridge = (
            window as unknown as {
              roomdesk: Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: { id: string }; error?: { message: string } }>>;
            }
          ).roomdesk;
          const saved = await bridge.saveProfile!({
            name: 'Through the relay',
            region: 'custom',
            customBaseUrl: baseUrl,
            appKey,
            appSecret,
            roles: { host: 'anchor', guest: 'audience' },
            userId: 'agent-relay',
            nickname: 'Agent',
          });
          if (!saved.ok || !saved.value) throw new Error(saved.error?.message);
          const activated = await bridge.activateProfile!({ id: saved.value.id });
          if (!activated.ok) throw new Error(activated.error?.message);
          return saved.value.id;
        },
        { baseUrl: relay.baseUrl, ...app.sandbox.demoApp },
      );
      expect(profile).not.toBe('sandbox');

      const [code] = await createRooms(page, [{ title: 'Harbour view flat', notes: 'Bring the floor plan' }]);
      await fetchDetails(page, [code!]);
      await app.open();
      await rowFor(page, code!).click();
      await expect(page.locator('.rd-room__meta')).toContainText('Status 0');

      await relay.stop();
      await page.getByRole('button', { name: 'Refresh from Realsee' }).click();
      await expect(page.locator('[data-offline-banner]')).toBeVisible();
      await expect(page.locator('[data-as-of]')).toContainText('(offline)');

      const notes = page.getByRole('textbox', { name: 'Notes' });
      await expect(notes).toHaveValue('Bring the floor plan');
      await notes.fill('Client prefers mornings; ask about parking');
      await expect(page.getByText('Unsaved changes')).toBeVisible();
      await page.getByRole('button', { name: 'Save notes' }).click();
      await expect(page.getByText('Saved', { exact: true })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Notes edited (42 characters)');
      expect((await app.services.history.get(code!)).listing.notes).toBe('Client prefers mornings; ask about parking');

      // While the network is away the room ends on Realsee's side; the refresh must show that.
      app.sandbox.rooms.close(code!);
      await relay.start();
      await expect(page.locator('[data-offline-banner]')).toHaveCount(0, { timeout: 10_000 });
      // Closed because the details now carry a close time, not because of the status number.
      await expect(page.locator('.rd-room__meta')).toContainText('Closed (status 2)');
      await expect(page.getByText('Closed at')).toBeVisible();
      await expect(page.locator('[data-as-of]')).not.toContainText('(offline)');
      await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Details fetched: Status 2');
      await expect(notes).toHaveValue('Client prefers mornings; ask about parking');
    } finally {
      await relay.stop();
    }
  });

  test('after a restart offline the history is all there; after a restart with the sandbox up the app is online', async ({ app }) => {
    const { page } = app;
    await app.open();
    const codes = await createRooms(page, [{ title: 'Before the restart' }, { title: 'Second room', address: '8 Mill Lane' }]);
    await fetchDetails(page, codes);
    await stopSandbox(app);

    await app.restartServices();
    await app.open();
    await expect(rowFor(page, codes[0]!)).toContainText('Before the restart');
    await rowFor(page, codes[1]!).click();
    await page.getByRole('button', { name: 'Refresh from Realsee' }).click();
    await expect(page.locator('[data-offline-banner]')).toBeVisible();
    await page.getByRole('textbox', { name: 'Notes' }).fill('Written while offline');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();

    await app.restartSandbox();
    await app.restartServices();
    await app.open();
    await expect(page.locator('[data-offline-banner]')).toHaveCount(0);
    expect(app.services.network.state().online).toBe(true);
    await rowFor(page, codes[1]!).click();
    await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('Written while offline');
    await expect(page.locator('[data-as-of]')).not.toContainText('(offline)');

    // The gateway answers again: a new room goes through and lands in the same history.
    const [fresh] = await createRooms(page, [{ title: 'After the restart' }]);
    await page.getByRole('button', { name: 'Back to history' }).click();
    await page.getByRole('searchbox', { name: 'Search history' }).fill('restart');
    await expect(rowFor(page, fresh!)).toBeVisible();
    await expect(rowFor(page, codes[0]!)).toBeVisible();
  });

  test('a history file that cannot be read is set aside, kept, and reported in a banner', async ({ app }) => {
    const { page } = app;
    const garbage = '{"version": 1, "rooms": [ this is not json';
    await writeFile(join(app.dataDir, JOURNAL_FILE_NAME), garbage);
    await app.restartServices();
    await app.open();

    const banner = page.getByRole('alert').filter({ hasText: 'Your room history file was set aside' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Nothing was deleted.');
    const movedTo = (await banner.locator('code').first().textContent()) ?? '';
    expect(movedTo).not.toBe('');
    expect(await readFile(movedTo, 'utf8')).toBe(garbage);
    expect((await readdir(app.dataDir)).some((name) => movedTo.endsWith(name) && name !== JOURNAL_FILE_NAME)).toBe(true);
    await expect(page.getByText('No rooms yet. Rooms you create are saved here.')).toBeVisible();

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toBeHidden();
  });
});
