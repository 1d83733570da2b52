import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, createRooms, fetchDetails, historyList, rowFor, stopSandbox } from './support/history-test';
import { seedHistory, seededRooms } from './support/seed';

test.describe('room history offline', () => {
  test('with the sandbox stopped the app says it is offline and shows saved rooms and a room page from its last snapshot', async ({
    app,
  }) => {
    const { page } = app;
    await app.open();
    const [riverside, pudong] = await createRooms(page, [
      { title: 'Riverside two-bed', address: '12 Quay Street', guests: [{ userId: 'g-1', role: 'audience', nickname: 'Mrs Wang' }] },
      { title: '浦东 三居室', address: '上海市浦东新区 世纪大道 100 号' },
    ]);
    await fetchDetails(page, [riverside!]);
    await app.open();
    await expect(rowFor(page, riverside!)).toContainText('Riverside two-bed');
    await expect(rowFor(page, riverside!)).toContainText('as of just now');
    await expect(rowFor(page, pudong!)).toContainText('details never fetched');
    await expect(page.locator('[data-offline-banner]')).toHaveCount(0);

    await stopSandbox(app);
    await rowFor(page, riverside!).click();
    await expect(page.getByRole('heading', { name: 'Riverside two-bed' })).toBeFocused();
    await page.getByRole('button', { name: 'Refresh from Realsee' }).click();

    await expect(page.getByText(/^Realsee is unreachable — showing saved rooms as of .+; retrying$/)).toBeVisible();
    expect(app.services.network.state().online).toBe(false);
    const asOf = page.locator('[data-as-of]');
    await expect(asOf).toContainText(/^As of .+ \(offline\)$/);
    await expect(page.getByRole('button', { name: 'Refresh from Realsee' })).toHaveCount(0);
    // Room status values are undocumented: shown raw.
    await expect(page.locator('.rd-room__meta')).toContainText('Status 0');
    await expect(
      page.getByRole('table', { name: 'Participants' }).or(page.getByText('Nobody was in the room at the last snapshot.')),
    ).toBeVisible();
    const limits = page.locator('dl[aria-labelledby]').filter({ hasText: 'Most people' });
    await expect(limits).toContainText('Ticket valid for');
    await expect(page.getByText('Mrs Wang (g-1)')).toBeVisible();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem')).toHaveText([/Room created/, /Details fetched: Status 0, \d+ in the room/]);

    await page.getByRole('button', { name: 'Back to history' }).click();
    await expect(rowFor(page, pudong!)).toBeVisible();
    await rowFor(page, pudong!).click();
    await expect(page.getByText('Room details were never fetched; showing what was saved when the room was created.')).toBeVisible();
  });

  test('search, filters and sort run in main and the list stays virtualized at 3,000 rooms', async ({ app }) => {
    test.setTimeout(60_000);
    const { page } = app;
    await seedHistory(app, seededRooms(3_000));
    await app.open();
    const list = historyList(page);
    await expect(page.getByRole('status').filter({ hasText: /rooms$/ })).toHaveText('3,000 rooms');
    await expect(rowFor(page, 'H-02999')).toBeVisible();
    expect(await list.getByRole('option').count()).toBeLessThanOrEqual(100);

    // Scrolling far down fetches the rows there, and the DOM still holds only what is in view.
    await list.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
    await expect(
      list
        .getByRole('option')
        .filter({ hasText: /H-01[45]\d\d/ })
        .first(),
    ).toBeVisible();
    expect(await list.getByRole('option').count()).toBeLessThanOrEqual(100);

    const search = page.getByRole('searchbox', { name: 'Search history' });
    await search.fill('H-00042');
    await expect(list.getByRole('option')).toHaveCount(1);
    await expect(rowFor(page, 'H-00042')).toContainText('Garden loft 42');

    await search.fill('世纪大道 1234 号');
    await expect(list.getByRole('option')).toHaveCount(1);
    await expect(rowFor(page, 'H-01234')).toBeVisible();

    await search.fill('school district (2800)');
    await expect(list.getByRole('option')).toHaveCount(1);
    await expect(rowFor(page, 'H-02800')).toBeVisible();

    await search.fill('李先生');
    await expect(page.getByRole('status').filter({ hasText: /rooms$/ })).toHaveText('1,000 rooms');

    await search.fill('nothing like this anywhere');
    await expect(page.getByText('No saved room matches these filters.')).toBeVisible();

    await search.fill('');
    await page.getByLabel('Status').selectOption({ label: 'Status 2' });
    await expect(page.getByRole('status').filter({ hasText: /rooms$/ })).toHaveText('1,000 rooms');
    await page.getByLabel('Status').selectOption({ label: 'Any status' });

    await page.getByLabel('Created from').fill('2025-01-01');
    await page.getByLabel('Created until').fill('2025-01-10');
    await expect(page.getByRole('status').filter({ hasText: /rooms$/ })).toHaveText('10 rooms');
    await expect(list.getByRole('option').first()).toHaveAttribute('data-room-code', 'H-00009');
    await page.getByLabel('Sort').selectOption('oldest');
    await expect(list.getByRole('option').first()).toHaveAttribute('data-room-code', 'H-00000');
  });

  test('export writes the chosen file: a JSON selection and every room as CSV', async ({ app }) => {
    const { page } = app;
    await seedHistory(app, seededRooms(25));
    await app.open();
    await stopSandbox(app);
    const list = historyList(page);
    await expect(rowFor(page, 'H-00024')).toBeVisible();

    // Keyboard selection: the list is one tab stop, Space selects the active row.
    await list.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(page.getByText('2 selected')).toBeVisible();
    await expect(list.locator('[aria-selected="true"]')).toHaveCount(2);

    const saved: string[] = [];
    const chosenFolder = join(app.dataDir, 'chosen-folder');
    await mkdir(chosenFolder);
    app.answerSaveDialog((name) => {
      const path = join(chosenFolder, `${saved.length}-${name}`);
      saved.push(path);
      return path;
    });
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export room history' });
    await dialog.getByLabel('JSON (complete, with snapshots)').check();
    await expect(dialog.getByLabel('Selected rooms (2)')).toBeChecked();
    await dialog.getByRole('button', { name: 'Choose file and export' }).click();
    await expect(dialog.getByText('Exported 2 rooms to:')).toBeVisible();
    await expect(dialog.locator('[data-export-path]')).toHaveText(saved[0]!);
    const json = JSON.parse(await readFile(saved[0]!, 'utf8')) as unknown;
    const codes = JSON.stringify(json).match(/H-\d{5}/g) ?? [];
    expect(new Set(codes)).toEqual(new Set(['H-00024', 'H-00022']));

    await dialog.getByLabel('CSV (spreadsheets)').check();
    await dialog.getByLabel('All rooms (25)').check();
    await dialog.getByRole('button', { name: 'Choose file and export' }).click();
    await expect(dialog.getByText('Exported 25 rooms to:')).toBeVisible();
    const csv = (await readFile(saved[1]!, 'utf8')).trim().split(/\r?\n/);
    expect(csv).toHaveLength(26);
    expect(csv.slice(1).join('\n')).toContain('H-00013');
    expect(csv.join('\n')).toContain('上海市浦东新区 世纪大道 12 号');

    app.answerSaveDialog(() => null);
    await dialog.getByRole('button', { name: 'Choose file and export' }).click();
    await expect(dialog.getByText('Export cancelled: no file was written.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
