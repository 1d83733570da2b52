import { defaultEndpoints } from '../../common/profile';
import { NewRoomPage } from './pages/new-room-page';
import { VrPicker } from './pages/vr-picker';
import type { HarnessApp } from './support/harness';
import { expect, onlyRoom, openWorkspace, saveScreenshot, test } from './workspace';

const RIVERSIDE = '800000000000000001';
const TOWNHOUSE = '800000000000000002';
const LOFT = '800000000000000003';

/** The room's record in the history, read through the bridge the app itself uses. */
async function historyListing(app: HarnessApp, roomCode: string) {
  const result = await app.page.evaluate((code) => window.roomdesk.getHistoryRoom({ roomCode: code }), roomCode);
  if (!result.ok) throw new Error(`The history has no room ${roomCode}: ${result.error.message}`);
  return result.value.room.listing;
}

test.describe('the VR picker', () => {
  test('picks a demo VR with the keyboard; the room carries it to Realsee and into the history', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    const form = new NewRoomPage(page);
    await form.open();
    await form.title.fill('Townhouse viewing');

    await form.chooseVr.click();
    const picker = new VrPicker(page);
    await expect(picker.dialog).toBeVisible();
    await expect(picker.search).toBeFocused();
    await expect(picker.options).toHaveCount(4);
    await expect(picker.activeOption).toContainText('Riverside two-bedroom apartment');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(picker.activeOption).toContainText('City loft with terrace');
    await page.keyboard.press('ArrowUp');
    await expect(picker.activeOption).toContainText('Garden townhouse, three floors');
    await expect(picker.search).toHaveAttribute('aria-activedescendant', (await picker.activeOption.getAttribute('id'))!);
    await page.keyboard.press('Enter');

    await expect(picker.dialog).toHaveCount(0);
    await expect(form.vr).toHaveValue(TOWNHOUSE);
    await expect(form.chooseVr).toBeFocused();

    await form.create.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Townhouse viewing' })).toBeVisible({ timeout: 10_000 });
    const room = onlyRoom(app);
    expect(room.additive).toMatchObject({ title: 'Townhouse viewing', vr: TOWNHOUSE });
    expect(await historyListing(app, room.roomCode)).toMatchObject({ title: 'Townhouse viewing', vr: TOWNHOUSE });
  });

  test('search, recently used first, Esc keeps the field, a typed link still works, a failed list can be retried', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    const form = new NewRoomPage(page);
    const picker = new VrPicker(page);

    await form.open();
    await form.title.fill('Loft viewing');
    await form.chooseVr.click();
    await expect(picker.options).toHaveCount(4);
    await picker.search.fill('LOFT');
    await expect(picker.options).toHaveCount(1);
    await picker.search.fill(RIVERSIDE.slice(-3));
    await expect(picker.options).toHaveCount(1);
    await expect(picker.activeOption).toContainText('Riverside two-bedroom apartment');
    await picker.search.fill('loft');
    await expect(picker.options).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(form.vr).toHaveValue(LOFT);
    await form.create.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Loft viewing' })).toBeVisible({ timeout: 10_000 });
    expect(onlyRoom(app).additive).toMatchObject({ vr: LOFT });

    // The next room offers the loft first, marked as recently used; Esc closes without a choice.
    await form.open();
    await form.chooseVr.click();
    await expect(picker.options.first()).toContainText('City loft with terrace');
    await expect(picker.options.first()).toContainText('Recently used');
    await expect(picker.options).toHaveCount(4);
    await page.keyboard.press('Escape');
    await expect(picker.dialog).toHaveCount(0);
    await expect(form.chooseVr).toBeFocused();
    await expect(form.vr).toHaveValue('');

    // The list fails: the one error panel says so and offers to try again.
    const fault = sandbox.faults.inject({ path: defaultEndpoints.vrList, wrongShape: 'data' });
    await form.chooseVr.click();
    await expect(picker.error).toBeVisible({ timeout: 15_000 });
    await expect(picker.error).toContainText('The VR list could not be loaded');
    fault.remove();
    await picker.retry.click();
    await expect(picker.options).toHaveCount(4);
    await picker.option(/Family house near the park/).click();
    await expect(picker.dialog).toHaveCount(0);
    await expect(form.vr).toHaveValue('800000000000000004');
    await form.chooseVr.click();
    await picker.cancel.click();
    await expect(picker.dialog).toHaveCount(0);
    await expect(form.vr).toHaveValue('800000000000000004');

    // A share link typed by hand is kept as it was typed, in Realsee's additive and in the history.
    const link = 'https://realsee.cn/share/abcdef';
    await form.title.fill('Linked viewing');
    await form.vr.fill(link);
    await form.create.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Linked viewing' })).toBeVisible({ timeout: 10_000 });
    const linked = sandbox.rooms.list().find((room) => room.additive['title'] === 'Linked viewing');
    expect(linked?.additive).toMatchObject({ vr: link });
    expect(await historyListing(app, linked!.roomCode)).toMatchObject({ vr: link });
    // Only codes are remembered in the renderer's storage, never links.
    expect(await page.evaluate(() => localStorage.getItem('roomdesk.recentVrs'))).toBe(JSON.stringify([LOFT]));
  });
});

const screenshotLabels = {
  en: { newRoom: 'New room', chooseVr: 'Choose from your VRs…', dialog: 'Choose a VR', title: 'Listing title' },
  'zh-CN': { newRoom: '新建房间', chooseVr: '从我的 VR 中选择…', dialog: '选择 VR', title: '房源标题' },
} as const;

for (const [locale, browserLocale] of [
  ['en', 'en-US'],
  ['zh-CN', 'zh-CN'],
] as const) {
  test.describe(`the VR picker screenshot (${locale})`, () => {
    test.use({ locale: browserLocale });
    test('at 1024×700', async ({ app }) => {
      const { page } = app;
      const l = screenshotLabels[locale];
      await page.setViewportSize({ width: 1024, height: 700 });
      await openWorkspace(app);
      await page.getByRole('navigation').getByRole('button', { name: l.newRoom }).click();
      await page.getByLabel(l.title).fill(locale === 'en' ? 'Riverside two-bedroom' : '滨江两居室');
      await page.getByRole('button', { name: l.chooseVr }).click();
      const dialog = page.getByRole('dialog', { name: l.dialog });
      await expect(dialog.getByRole('option')).toHaveCount(4);
      await page.keyboard.press('ArrowDown');
      await expect(dialog.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
      // The whole dialog fits in the window: nothing of it is cut off at 1024×700.
      const box = await dialog.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(700);
      await saveScreenshot(page, locale, 'vr-picker');
    });
  });
}
