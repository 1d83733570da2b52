import { defaultEndpoints } from '../../common/profile';
import type { HarnessApp } from './support/harness';
import { expect, saveScreenshot, test } from './workspace';

/** The few labels this tour clicks, in each language. */
const labels = {
  en: {
    trySandbox: 'Try with the sandbox',
    connect: 'Connect a Realsee account',
    back: 'Cancel',
    title: 'Listing title',
    address: 'Address',
    vr: 'VR link or code',
    notes: 'Private notes',
    addGuest: 'Add guest',
    guestId: (n: number) => `Guest ${n} user ID`,
    guestNickname: (n: number) => `Guest ${n} nickname`,
    create: 'Create room',
    lastUpdated: /^Last updated /,
    joinHost: 'Join as host',
    passFor: 'Guest pass for Mr Zhang',
    issue: 'Issue guest pass',
    invite: 'Invite link',
    refresh: 'Refresh',
    refreshFromRealsee: 'Refresh from Realsee',
    nav: 'Main',
    rooms: 'Rooms',
    newRoom: 'New room',
    history: 'History',
    settings: 'Settings',
    listing: {
      rows: [
        ['Riverside two-bedroom', '88 Binjiang Road, Pudong'],
        ['Garden townhouse, three floors', '12 Hongqiao Road, Changning'],
        ['City loft with terrace', '5 Nanjing West Road, Jing’an'],
      ],
      notes: 'Client prefers weekday mornings; parking spot included.',
    },
    guests: [
      ['client-zhang', 'Mr Zhang'],
      ['client-wang', 'Ms Wang'],
    ],
  },
  'zh-CN': {
    trySandbox: '用沙盒试一试',
    connect: '连接如视账号',
    back: '取消',
    title: '房源标题',
    address: '地址',
    vr: 'VR 链接或编码',
    notes: '私人备注',
    addGuest: '添加嘉宾',
    guestId: (n: number) => `嘉宾 ${n} 用户 ID`,
    guestNickname: (n: number) => `嘉宾 ${n} 昵称`,
    create: '创建房间',
    lastUpdated: /^更新于 /,
    joinHost: '以主播身份进入',
    passFor: '为 张先生 生成嘉宾邀请',
    issue: '生成嘉宾邀请',
    invite: '邀请链接',
    refresh: '刷新',
    refreshFromRealsee: '从如视刷新',
    nav: '主导航',
    rooms: '带看房间',
    newRoom: '新建房间',
    history: '带看记录',
    settings: '设置',
    listing: {
      rows: [
        ['滨江两居室', '浦东新区滨江大道 88 号'],
        ['三层花园联排', '长宁区虹桥路 12 号'],
        ['静安露台 Loft', '静安区南京西路 5 号'],
      ],
      notes: '客户希望工作日上午看房；含一个车位。',
    },
    guests: [
      ['client-zhang', '张先生'],
      ['client-wang', '王女士'],
    ],
  },
} as const;

type Locale = keyof typeof labels;

async function tour(app: HarnessApp, locale: Locale) {
  const { page, sandbox } = app;
  const l = labels[locale];
  const shot = (screen: string) => saveScreenshot(page, locale, screen);
  const nav = page.getByRole('navigation', { name: l.nav });
  await page.setViewportSize({ width: 1024, height: 700 });

  await app.open();
  await expect(page.getByRole('button', { name: l.trySandbox })).toBeVisible();
  await shot('welcome');
  await page.getByRole('button', { name: l.connect }).click();
  await shot('connect-account');
  await page.getByRole('button', { name: l.back }).click();
  await page.getByRole('button', { name: l.trySandbox }).click();
  await expect(page.getByRole('heading', { level: 1, name: l.rooms })).toBeVisible();
  await shot('rooms-empty');

  for (const [index, [title, address]] of l.listing.rows.entries()) {
    await nav.getByRole('button', { name: l.newRoom }).click();
    await page.getByLabel(l.title).fill(title);
    await page.getByLabel(l.address).fill(address);
    if (index === l.listing.rows.length - 1) {
      for (const [n, [userId, nickname]] of l.guests.entries()) {
        await page.getByRole('button', { name: l.addGuest }).click();
        await page.getByLabel(l.guestId(n + 1)).fill(userId);
        await page.getByLabel(l.guestNickname(n + 1)).fill(nickname);
      }
      await page.getByLabel(l.vr).fill('800000000000000001');
      await page.getByLabel(l.notes).fill(l.listing.notes);
      await shot('new-room');
    }
    await page.getByRole('button', { name: l.create }).click();
    await expect(page.getByText(l.lastUpdated)).toBeVisible();
  }

  // A guest joins through a pass, so the room page has someone in it.
  await page.getByRole('button', { name: l.passFor }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: l.issue, exact: true }).click();
  const link = await dialog.getByLabel(l.invite).inputValue();
  await expect(dialog.getByRole('img')).toHaveAttribute('src', /^data:image\/png/);
  await shot('guest-pass');
  await page.keyboard.press('Escape');
  await page.request.get(link);
  await page.getByRole('button', { name: l.refresh }).click();
  await expect(page.locator('table')).toBeVisible();
  await shot('room');
  await page.getByRole('button', { name: l.joinHost }).click();
  await expect(page.locator('.room-viewer')).toHaveAttribute('data-viewer-phase', 'showing', { timeout: 20_000 });
  await page.locator('.room-viewer').scrollIntoViewIfNeeded();
  await shot('room-viewer');
  await page.locator('.room-viewer__toolbar button').first().click();
  await expect(page.locator('.room-viewer')).toHaveCount(0);
  await app.viewer.settled();

  sandbox.faults.inject({ path: defaultEndpoints.roomDetail, httpStatus: 503 });
  await page.getByRole('button', { name: l.refresh }).click();
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
  await shot('room-error');
  sandbox.faults.clear();

  await nav.getByRole('button', { name: l.rooms }).click();
  await expect(page.getByRole('list', { name: l.rooms }).getByRole('listitem')).toHaveCount(3);
  await shot('rooms');

  await nav.getByRole('button', { name: l.history }).click();
  await expect(page.locator('[role="listbox"] [role="option"]')).toHaveCount(3);
  await shot('history');

  // A history error as main reports it: the advice in the agent's language first, main's words as a detail.
  await page.locator('[role="listbox"] [role="option"]').first().click();
  sandbox.faults.inject({ path: defaultEndpoints.roomDetail, httpStatus: 503 });
  await page.getByRole('button', { name: l.refreshFromRealsee }).click();
  await expect(page.locator('.rd-room [role="alert"]')).toBeVisible({ timeout: 15_000 });
  await shot('history-error');
  sandbox.faults.clear();

  await nav.getByRole('button', { name: l.settings }).click();
  await expect(page.getByRole('heading', { level: 1, name: l.settings })).toBeVisible();
  await shot('settings');

  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot('shortcuts');
}

test.describe('screenshots in English', () => {
  test.use({ locale: 'en-US' });
  test('every main screen', async ({ app }) => {
    test.setTimeout(180_000);
    await tour(app, 'en');
  });
});

test.describe('screenshots in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('every main screen', async ({ app }) => {
    test.setTimeout(180_000);
    await tour(app, 'zh-CN');
  });
});

test.describe('screenshots in the dark theme', () => {
  test.use({ locale: 'en-US', colorScheme: 'dark' });
  test('the room page follows the OS appearance', async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 860 });
    await app.open();
    await page.getByRole('button', { name: 'Try with the sandbox' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New room' }).click();
    await page.getByLabel('Listing title').fill('Riverside two-bedroom');
    await page.getByRole('button', { name: 'Create room' }).click();
    await expect(page.getByText(/^Last updated /)).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(20, 22, 27)');
    await saveScreenshot(page, 'en', 'room-dark');
  });
});
