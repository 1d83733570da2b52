import { test, expect, historyList, rowFor, stopSandbox } from './support/history-test';
import { seedHistory, seededRooms } from './support/seed';

test.describe('room history review tools', () => {
  test('keyboard only: open a room, delete its record after confirming, clear all after typing the word', async ({ app }) => {
    const { page } = app;
    await seedHistory(app, seededRooms(5));
    await app.open();
    await stopSandbox(app);
    await expect(rowFor(page, 'H-00004')).toBeVisible();

    await historyList(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '浦东 三居室 3' })).toBeFocused();

    await page.getByRole('button', { name: 'Delete room record' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Delete this room record?' });
    await expect(confirm).toContainText('H-00003');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    expect(app.services.history.get('H-00003').roomCode).toBe('H-00003');

    await page.getByRole('button', { name: 'Delete room record' }).click();
    await confirm.getByRole('button', { name: 'Delete record' }).click();
    await expect(historyList(page)).toBeVisible();
    await expect(rowFor(page, 'H-00003')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /rooms$/ })).toHaveText('4 rooms');
    expect(() => app.services.history.get('H-00003')).toThrow();

    await page.getByRole('button', { name: 'Clear all history…' }).click();
    const clear = page.getByRole('dialog', { name: 'Clear all room history?' });
    const confirmButton = clear.getByRole('button', { name: 'Clear all history' });
    await expect(confirmButton).toBeDisabled();
    await clear.getByLabel('Type CLEAR to confirm').fill('clear');
    await expect(confirmButton).toBeDisabled();
    await clear.getByLabel('Type CLEAR to confirm').fill('CLEAR');
    await page.keyboard.press('Enter');
    await expect(clear).toBeHidden();
    await expect(page.getByText('No rooms yet. Rooms you create are saved here.')).toBeVisible();
    expect(app.services.history.stats().rooms).toBe(0);
  });

  test('speaks Simplified Chinese when the locale says so', async ({ app }) => {
    const { page } = app;
    await seedHistory(app, seededRooms(3));
    await page.goto('about:blank');
    await app.open();
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/index.html?locale=zh-CN`);
    await expect(page.getByRole('heading', { name: '带看历史' })).toBeVisible();
    await expect(page.getByRole('listbox', { name: '已保存的房间' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: '搜索历史' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '个房间' })).toHaveText('3 个房间');
    await expect(page.locator('[role="option"][data-room-code="H-00000"]')).toContainText('已关闭');

    await stopSandbox(app);
    await page.locator('[role="option"][data-room-code="H-00001"]').click();
    await page.getByRole('button', { name: '从如视刷新' }).click();
    await expect(page.getByText(/^无法连接如视 — 正在显示截至 .+ 保存的房间；正在重试$/)).toBeVisible();
    await expect(page.locator('[data-as-of]')).toContainText('（离线）');
  });
});
