import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, rowFor, stopSandbox } from './support/history-test';
import { seedHistory, seededRooms } from './support/seed';

/** Makes every file write of this process (main's services run in it) fail like a full disk, until restored. */
async function fullDisk(dir: string): Promise<() => void> {
  const probe = await open(join(dir, 'write-probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
  await probe.close();
  const original = prototype.write;
  prototype.write = async () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  return () => {
    prototype.write = original;
  };
}

test.describe('room history saves', () => {
  test('a save that fails is shown to the agent, and the banner goes once a later save works', async ({ app }) => {
    const { page } = app;
    await seedHistory(app, seededRooms(3));
    await app.open();
    await stopSandbox(app);
    await rowFor(page, 'H-00001').click();
    const notes = page.getByRole('textbox', { name: 'Notes' });

    const restore = await fullDisk(app.dataDir);
    try {
      await notes.fill('Written while the disk is full');
      await page.getByRole('button', { name: 'Save notes' }).click();
      const banner = page.getByRole('alert', { name: 'A change to the room history was not saved' });
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('ENOSPC');
    } finally {
      restore();
    }

    await notes.fill('Written once the disk has room again');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await expect(page.getByRole('alert', { name: 'A change to the room history was not saved' })).toHaveCount(0);
    expect((await app.services.history.get('H-00001')).listing.notes).toBe('Written once the disk has room again');
  });
});
