import { SettingsPage } from './pages/settings-page';
import { expect, openWorkspace, test } from './workspace';

test.describe('keyboard', () => {
  test('shortcuts: new room, refresh, search, help; Esc closes dialogs; focus is visible', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);

    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('New room');
    await expect(help).toContainText('Refresh the room page');
    await expect(help).toContainText('Search rooms');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.keyboard.press('Control+N');
    await expect(page.getByRole('heading', { level: 1, name: 'New viewing room' })).toBeVisible();
    await page.getByLabel('Listing title').fill('Keyboard flat');
    await page.getByRole('button', { name: 'Create room' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Keyboard flat' })).toBeVisible();
    await expect(page.getByText(/^Last updated /)).toBeVisible();

    const before = sandbox.stats.count('/open/v1/live/room/detail');
    await page.keyboard.press('Control+R');
    await expect.poll(() => sandbox.stats.count('/open/v1/live/room/detail')).toBe(before + 1);
    await page.keyboard.press('F5');
    await expect.poll(() => sandbox.stats.count('/open/v1/live/room/detail')).toBe(before + 2);
    // The window was not reloaded: the session's room is still on screen.
    await expect(page.getByRole('heading', { level: 1, name: 'Keyboard flat' })).toBeVisible();

    await page.keyboard.press('Control+F');
    const search = page.getByRole('searchbox', { name: 'Search rooms' });
    await expect(search).toBeFocused();
    await search.fill('keyboard');
    await page.getByRole('heading', { level: 1, name: 'Rooms' }).click();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();

    // Keyboard focus draws a visible ring.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });
});

test.describe('languages', () => {
  test('switching to Simplified Chinese in Settings changes the whole UI and is remembered', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.language.selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '带看房间' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: '设置' }).or(page.getByRole('heading', { level: 1, name: '带看房间' })),
    ).toBeVisible();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  });
});

test.describe('languages on a Chinese system', () => {
  test.use({ locale: 'zh-CN' });

  test('follows the OS locale: welcome, room creation and the room page in Chinese', async ({ app }) => {
    const { page } = app;
    await app.open();
    await expect(page.getByRole('heading', { level: 1, name: '欢迎使用 Roomdesk' })).toBeVisible();
    await page.getByRole('button', { name: '用沙盒试一试' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '带看房间' })).toBeVisible();
    await page.keyboard.press('Control+N');
    await page.getByLabel('房源标题').fill('滨江两居室');
    await page.getByRole('button', { name: '创建房间' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '滨江两居室' })).toBeVisible();
    await expect(page.getByRole('region', { name: '房间详情' })).toContainText('状态 0');
    await expect(page.getByText(/^更新于 \d\d:\d\d:\d\d$/)).toBeVisible();
  });
});
