import type { Page } from '@playwright/test';
import { RoomPage } from './pages/room-page';
import { RoomsPage } from './pages/rooms-page';
import { SettingsPage } from './pages/settings-page';
import { createRoom, expect, openWorkspace, saveScreenshot, test } from './workspace';

/**
 * Guest passes from the agent's side: the room's own guests are offered first, the room page sees a
 * pass used when its guest arrives on the live channel and offers a one-click re-issue when the guest
 * drops, and a real account without a guest page is told what to set instead of getting a dead link.
 */
test.use({ sandboxRoomLinks: 'live-channel' });
test.describe.configure({ timeout: 120_000 });

const SETTLED = { timeout: 20_000 };
const PHONE = { width: 390, height: 844 };

async function openGuest(app: { page: Page }, link: string) {
  const context = await app.page.context().browser()!.newContext({ viewport: PHONE, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(link);
  return { context, page };
}

test('a pass for a pre-registered guest is offered first; the agent sees it used, and re-issues it when the guest drops', async ({
  app,
}) => {
  const { page } = app;
  await openWorkspace(app);
  const roomCode = await createRoom(page, {
    title: 'Riverside',
    guests: [
      { userId: 'client-zhang', nickname: 'Mr Zhang' },
      { userId: 'client-li', nickname: 'Ms Li' },
    ],
  });
  const room = new RoomPage(page);
  await room.joinAsHost.click();
  await expect(page.getByRole('region', { name: 'Room viewer' })).toHaveAttribute('data-viewer-phase', 'live-channel', SETTLED);
  await expect.poll(() => app.services.live.presence(roomCode)?.connection, SETTLED).toBe('connected');

  // The room's guests come first, in the order they were registered, each one click away.
  await room.guestPass.click();
  const dialog = room.passDialog.dialog;
  const offered = dialog.getByRole('region', { name: 'Guests registered with this room' }).getByRole('button');
  await expect(offered).toHaveText(['Issue a pass for Mr Zhang', 'Issue a pass for Ms Li']);
  await expect(offered.first()).toBeFocused();
  const buttons = await dialog.getByRole('button').allTextContents();
  expect(buttons.indexOf('Issue a pass for Mr Zhang')).toBeLessThan(buttons.indexOf('Issue guest pass'));
  await expect(dialog.getByRole('heading', { name: 'Someone else' })).toBeVisible();
  await expect(room.passDialog.userId).toHaveValue('');
  await saveScreenshot(page, 'en', 'guest-pass-offered');
  await offered.first().click();
  const invite = room.passDialog.invitation('Mr Zhang');
  await expect(invite).toBeVisible();
  const firstLink = await invite.getByLabel('Invite link').inputValue();
  expect(firstLink).toMatch(new RegExp(`^${app.sandbox.baseUrl}/guest/#room=ws`));
  await expect(invite.getByLabel('Invite text', { exact: true })).toHaveValue(/opens only in a browser on the computer that sent it/);
  await room.passDialog.close.click();

  const passes = page.getByRole('region', { name: 'Guest passes' });
  const zhang = passes.getByRole('listitem').filter({ hasText: 'Mr Zhang' });
  await expect(zhang).toHaveAttribute('data-pass-status', 'waiting');
  await expect(zhang).toContainText('Not used yet');

  // The client opens the pass: the room page sees it used.
  const first = await openGuest(app, firstLink);
  try {
    await expect(first.page.locator('#guest')).toHaveAttribute('data-state', /waiting|loadingTour|following/, SETTLED);
    await expect(zhang).toHaveAttribute('data-pass-status', 'in-room', SETTLED);
    await expect(zhang).toContainText('Used — in the room');
    await expect(zhang.getByRole('button', { name: 'Re-issue pass for Mr Zhang' })).toHaveCount(0);
  } finally {
    await first.context.close();
  }

  // The client drops: one click issues a fresh pass and shows it.
  await expect(zhang).toHaveAttribute('data-pass-status', 'dropped', SETTLED);
  await expect(zhang).toContainText('Used — left the room');
  await passes.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'en', 'guest-pass-dropped');
  await zhang.getByRole('button', { name: 'Re-issue pass for Mr Zhang' }).click();
  const reissued = room.passDialog.invitation('Mr Zhang');
  await expect(reissued).toBeVisible(SETTLED);
  await expect(reissued.getByRole('img', { name: 'QR code of the invite link' })).toHaveAttribute('src', /^data:image\/png;base64,/);
  const secondLink = await reissued.getByLabel('Invite link').inputValue();
  expect(secondLink).not.toBe(firstLink);
  await room.passDialog.close.click();
  await expect(zhang).toHaveAttribute('data-pass-status', 'waiting');

  // The re-issued pass works.
  const second = await openGuest(app, secondLink);
  try {
    await expect(second.page.locator('#guest')).toHaveAttribute('data-state', /waiting|loadingTour|following/, SETTLED);
    await expect(zhang).toHaveAttribute('data-pass-status', 'in-room', SETTLED);
    await expect(passes.getByRole('listitem')).toHaveCount(1);
  } finally {
    await second.context.close();
  }

  // Leaving the room page and coming back keeps the list; out of the room, nobody can be seen.
  await page.getByRole('button', { name: 'All rooms' }).click();
  await new RoomsPage(page).openRoom(/Riverside/);
  await expect(zhang).toHaveAttribute('data-pass-status', 'unknown', SETTLED);
  await expect(passes).toContainText('Join the room to see who arrives');
});

test('a real account without a guest page is told what to set and where, then its passes open that page', async ({ app }) => {
  const { page, sandbox } = app;
  // A real-style profile (custom gateway) on the sandbox: no guest page of its own.
  const saved = await app.services.profiles.save({
    name: 'Acme office',
    region: 'custom',
    customBaseUrl: sandbox.baseUrl,
    appKey: sandbox.demoApp.appKey,
    appSecret: sandbox.demoApp.appSecret,
    userId: 'agent-7',
    nickname: 'Ana',
  });
  await app.services.profiles.setActive(saved.id);
  await openWorkspace(app);
  await createRoom(page, { title: 'Hillside' });
  const room = new RoomPage(page);
  await room.guestPass.click();
  const dialog = room.passDialog.dialog;
  const missing = dialog.getByRole('alert', { name: 'Set your guest page first' });
  await expect(missing).toContainText('the profile “Acme office” has no address for it');
  await expect(missing).toContainText('Settings → Profiles → Edit → Advanced → “Guest page URL”');
  await expect(room.passDialog.issue).toHaveCount(0);
  await expect(dialog).not.toContainText('ticket=');
  await saveScreenshot(page, 'en', 'guest-pass-page-missing');

  // The dialog leads to Settings, where the address is set under Advanced.
  await missing.getByRole('button', { name: 'Open Settings' }).click();
  const settings = new SettingsPage(page);
  await settings.editProfile('Acme office').click();
  await settings.form.advanced.click();
  const field = page.getByLabel('Guest page URL');
  await field.fill('http://guest.example/');
  await settings.form.save.click();
  await expect(page.getByText('Enter an https address (http only for this computer), without a # part.')).toBeVisible();
  await field.fill(`${sandbox.baseUrl}/guest/`);
  await settings.form.save.click();
  await expect
    .poll(async () => (await app.services.profiles.list()).find((profile) => profile.id === saved.id)?.guestPageUrl)
    .toBe(`${sandbox.baseUrl}/guest/`);

  const roomCode = app.sandbox.rooms.list()[0]!.roomCode;
  const pass = await app.services.rooms.issueGuestPass({ roomCode, guest: { userId: 'client-wu', role: 'audience' } });
  expect(pass.inviteUrl.startsWith(`${sandbox.baseUrl}/guest/#room=ws`)).toBe(true);
});

test.describe('on a Chinese system', () => {
  test.use({ locale: 'zh-CN' });

  test('the room’s guests come first and a missing guest page is explained, in Chinese', async ({ app }) => {
    const { page, sandbox } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await openWorkspace(app);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '新建房间' }).click();
    await page.getByLabel('房源标题').fill('滨江两居室');
    await page.getByRole('button', { name: '添加嘉宾' }).click();
    await page.getByLabel('嘉宾 1 用户 ID').fill('client-zhang');
    await page.getByLabel('嘉宾 1 昵称').fill('张先生');
    await page.getByRole('button', { name: '创建房间' }).click();
    await page.getByRole('button', { name: '嘉宾邀请', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '嘉宾邀请' });
    await expect(dialog.getByRole('region', { name: '此房间登记的嘉宾' }).getByRole('button')).toHaveText(['生成 张先生 的邀请']);
    await expect(dialog.getByRole('heading', { name: '其他嘉宾' })).toBeVisible();
    await saveScreenshot(page, 'zh-CN', 'guest-pass-offered');
    await page.keyboard.press('Escape');

    const saved = await app.services.profiles.save({
      name: '滨江门店',
      region: 'custom',
      customBaseUrl: sandbox.baseUrl,
      appKey: sandbox.demoApp.appKey,
      appSecret: sandbox.demoApp.appSecret,
      userId: 'agent-7',
      nickname: 'Ana',
    });
    await app.services.profiles.setActive(saved.id);
    // A room of the real-style profile, after a restart of the window so it opens on that profile.
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '新建房间' }).click();
    await page.getByLabel('房源标题').fill('城南三居室');
    await page.getByRole('button', { name: '创建房间' }).click();
    await page.getByRole('button', { name: '嘉宾邀请', exact: true }).click();
    const missing = dialog.getByRole('alert', { name: '请先设置访客页面' });
    await expect(missing).toContainText('账号配置“滨江门店”尚未设置其地址');
    await expect(missing).toContainText('设置 → 账号配置 → 编辑 → 高级 → 访客页面地址');
    await saveScreenshot(page, 'zh-CN', 'guest-pass-page-missing');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await saveScreenshot(page, 'zh-CN', 'guest-pass-page-missing-large');
  });
});
