import type { BrowserContext, Page } from '@playwright/test';
import WebSocket from 'ws';
import { DEMO_HOMES } from '../../main/sandbox/demo-vrs';
import { createRoom, expect, openWorkspace, saveScreenshot, screenshotPath, test } from './workspace';
import type { HarnessApp } from './support/harness';
import { compositeScreenshot } from './tour/support/page-tour-host';

/**
 * The agent's tour screen: started from the room page, it fills the main area with the VR area (the
 * real tour view, in the harness's stand-in: `app.tour`), a docked control bar and a side rail that
 * follows the room's live channel (the sandbox's default room link). The tour's screenshots are taken
 * in test/e2e/tour/tour.spec.ts.
 */
test.use({ sandboxRoomLinks: 'live-channel' });
test.describe.configure({ timeout: 150_000 });

const SMALL = { width: 1024, height: 700 };
const LARGE = { width: 1600, height: 1000 };
const SHOWN = { timeout: 20_000 };
const VR_SHOWN = { timeout: 45_000 };
const home = DEMO_HOMES[0]!;

async function passLink(app: HarnessApp, roomCode: string, userId: string, nickname: string): Promise<string> {
  return (await app.services.rooms.issueGuestPass({ roomCode, guest: { userId, role: 'audience', nickname } })).inviteUrl;
}

/** The sandbox's guest page, opened from a pass's link in a browser context of its own (a client's phone). */
async function guestPage(app: HarnessApp, link: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.page
    .context()
    .browser()!
    .newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(link);
  return { context, page };
}

function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => socket.once('open', () => resolve(socket)).once('error', reject));
}

/** Every control of the bar, in Tab order, with the names the agent hears. */
const BAR_CONTROLS = ['Join voice', 'Microphone', 'Participants', 'Invite', 'Hand over control', 'Leave tour', 'End room'];

test('the host tours a room: bar by keyboard, a guest joins and leaves, leave keeps the room, end room ends it for all', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize(SMALL);
  await openWorkspace(app);
  const roomCode = await createRoom(page, { title: 'Riverside two-bedroom', vr: home.vr_code, notes: 'Parking spot included.' });

  await saveScreenshot(page, 'en', 'tour-start-room-page');
  await page.getByRole('button', { name: 'Start tour' }).click();
  const tour = page.getByRole('region', { name: 'Tour of Riverside two-bedroom' });
  await expect(tour).toHaveAttribute('data-tour-stage', 'live', SHOWN);
  const bar = tour.getByRole('toolbar', { name: 'Tour controls' });
  await expect(bar).toBeInViewport();
  // A 1024-pixel window starts with the app sidebar collapsed; the VR area is a fixed box that never scrolls.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  // The room's VR is shown in the VR area: the tour page renders it, placed where the area is.
  const vr = tour.getByRole('region', { name: 'VR view' });
  await expect(vr.getByRole('region', { name: 'VR tour' })).toHaveAttribute('data-tour-phase', 'showing', VR_SHOWN);
  await expect(app.tour.current()!.locator('#tour')).toHaveAttribute('data-phase', 'showing');
  await expect.poll(() => app.tour.visible).toBe(true);
  const box = (await vr.boundingBox())!;
  expect(box.width).toBeGreaterThan(500);
  expect(box.height).toBeGreaterThan(400);
  await expect.poll(() => app.tour.bounds).toMatchObject({ width: Math.round(box.width), height: Math.round(box.height) });
  expect(await page.evaluate(() => document.querySelector('main')!.scrollHeight <= document.querySelector('main')!.clientHeight)).toBe(
    true,
  );
  const rail = tour.getByRole('complementary', { name: 'In the room' });
  await expect(rail).toContainText('Parking spot included.');
  await expect(tour.locator('.tour__leader')).toHaveText(/You lead the view/);

  // Every control is reached with Tab, in order, and shows where focus is.
  await bar.getByRole('button', { name: 'Join voice' }).focus();
  for (const name of BAR_CONTROLS.slice(1)) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveAccessibleName(new RegExp(`^${name}`));
    expect(await focused.evaluate((element) => element.matches(':focus-visible'))).toBe(true);
  }
  // The VR is shown: hand over is offered (test/e2e/tour/tour.spec.ts hands over and back).
  const handOver = bar.getByRole('button', { name: 'Hand over control' });
  await expect(handOver).not.toHaveAttribute('aria-disabled');
  // Participants toggles the rail, by keyboard too.
  const participants = bar.getByRole('button', { name: /^Participants/ });
  await participants.focus();
  await page.keyboard.press('Enter');
  await expect(rail).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await expect(rail).toBeVisible();
  // Esc does not leave the tour.
  await page.keyboard.press('Escape');
  await expect(tour).toBeVisible();

  // Voice from the voice slot: join, then M and Ctrl/⌘+Shift+M mute and unmute; the rail shows the agent in voice.
  await bar.getByRole('button', { name: 'Join voice' }).click();
  await expect(bar.getByRole('button', { name: 'Mute' })).toBeVisible(SHOWN);
  const self = rail.locator('.tour-person', { hasText: '(you)' });
  await expect(self).toContainText(/In voice|Speaking/);
  await page.keyboard.press('m');
  await expect(bar.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
  await expect(self).toContainText('In voice');
  await page.keyboard.press('ControlOrMeta+Shift+M');
  await expect(bar.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'false');
  // The join/leave sound is off until the agent turns it on, and the choice is remembered.
  const sound = rail.getByRole('checkbox', { name: 'Play a sound when someone joins or leaves' });
  await expect(sound).not.toBeChecked();
  await sound.check();
  expect(await page.evaluate(() => localStorage.getItem('roomdesk.tourNoticeSound'))).toBe('on');

  // Invite opens the guest pass flow over the VR area; its link brings the client in.
  await bar.getByRole('button', { name: 'Invite' }).click();
  const pass = page.getByRole('dialog', { name: 'Guest pass' });
  // The dialog is drawn over the VR area: the native view steps aside meanwhile.
  await expect.poll(() => app.tour.visible).toBe(false);
  await pass.getByLabel('Guest user ID').fill('client-zhang');
  await pass.getByLabel('Guest nickname').fill('Mr Zhang');
  await pass.getByRole('button', { name: 'Issue guest pass' }).click();
  const inviteUrl = await pass.getByRole('region', { name: 'Invitation for Mr Zhang' }).getByLabel('Invite link').inputValue();
  await page.keyboard.press('Escape');
  await expect(pass).toHaveCount(0);
  await expect(tour).toBeVisible();
  await expect.poll(() => app.tour.visible).toBe(true);

  // Within 2 s of the guest page having loaded: a notice and a row in the rail.
  const first = await guestPage(app, inviteUrl);
  const loaded = Date.now();
  const notices = tour.getByRole('list', { name: 'Who joined and left' });
  await expect(notices).toContainText('Mr Zhang joined', { timeout: 2_000 });
  await expect(rail.locator('.tour-person[data-user-id="client-zhang"]')).toBeVisible({
    timeout: Math.max(1, 2_000 - (Date.now() - loaded)),
  });
  test.info().annotations.push({ type: 'guest page loaded → join notice and rail row', description: `${Date.now() - loaded} ms` });
  await expect(bar.getByRole('button', { name: /^Participants/ })).toContainText('2');
  // The sidebar comes back on request, the layout still fits, and the choice is remembered.
  await tour.getByRole('button', { name: 'Show sidebar' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(bar).toBeInViewport();
  await expect(bar.getByRole('button', { name: 'End room' })).toBeInViewport();
  await expect.poll(() => app.tour.bounds?.width).toBe(Math.round((await vr.boundingBox())!.width));
  await compositeScreenshot(page, app.tour, await screenshotPath('en', 'tour-1024-sidebar'));
  expect(await page.evaluate(() => localStorage.getItem('roomdesk.tourSidebar'))).toBe('shown');
  await tour.getByRole('button', { name: 'Hide sidebar' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await first.context.close();
  await expect(notices).toContainText('Mr Zhang left', SHOWN);
  await expect(rail.locator('.tour-person[data-user-id="client-zhang"]')).toHaveCount(0);

  // The room opened on another device: said over the VR area in words, with a way back.
  const other = await openSocket((await app.services.rooms.hostTicketLink(roomCode, true)).url);
  await expect(tour).toHaveAttribute('data-tour-stage', 'replaced', SHOWN);
  await expect(tour.getByRole('alert')).toContainText('This room was opened on another device');
  await expect(tour.locator('.tour__leader')).toHaveCount(0);
  await expect(rail.getByText('Leads the view')).toHaveCount(0);
  await expect(bar.getByRole('button', { name: 'Hand over control' })).toHaveAttribute('aria-disabled', 'true');
  await expect(bar.getByRole('button', { name: 'Hand over control' })).toHaveAccessibleDescription('Available when the VR is shown');
  await expect.poll(() => app.tour.visible).toBe(false);
  other.close();
  await tour.getByRole('button', { name: 'Connect again' }).click();
  await expect(tour).toHaveAttribute('data-tour-stage', 'live', SHOWN);
  // The tour had lost the room with the channel: it opens again by itself, and the VR is back.
  await expect(vr.getByRole('region', { name: 'VR tour' })).toHaveAttribute('data-tour-phase', 'showing', VR_SHOWN);
  await expect.poll(() => app.tour.visible).toBe(true);

  // Leave: back on the room page, the room still open.
  await bar.getByRole('button', { name: 'Leave tour' }).click();
  await expect(page.getByRole('button', { name: 'Start tour' })).toBeVisible();
  await expect(page.getByText('This room is closed.', { exact: false })).toHaveCount(0);
  expect(app.sandbox.rooms.get(roomCode)?.closedAt).toBeNull();

  // The shortcut starts the tour again; a client joins; ending asks first, then ends the room for all.
  await page.keyboard.press('ControlOrMeta+Shift+T');
  await expect(tour).toHaveAttribute('data-tour-stage', 'live', SHOWN);
  const second = await guestPage(app, await passLink(app, roomCode, 'client-wang', 'Ms Wang'));
  await expect(rail.locator('.tour-person[data-user-id="client-wang"]')).toBeVisible(SHOWN);
  await expect(vr.getByRole('region', { name: 'VR tour' })).toHaveAttribute('data-tour-phase', 'showing', VR_SHOWN);
  await expect.poll(() => app.tour.visible).toBe(true);
  await page.keyboard.press('ControlOrMeta+Shift+E');
  const ask = page.getByRole('dialog', { name: 'End this room for everyone?' });
  await expect(ask).toBeVisible();
  // The native VR view steps aside while the question is over it, and comes back after.
  await expect.poll(() => app.tour.visible).toBe(false);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(tour).toHaveAttribute('data-tour-stage', 'live');
  await expect.poll(() => app.tour.visible).toBe(true);
  await bar.getByRole('button', { name: 'End room' }).click();
  await ask.getByRole('button', { name: 'End room for everyone' }).click();
  await expect(tour).toHaveAttribute('data-tour-stage', 'ended', SHOWN);
  await expect(tour.getByRole('alert')).toContainText('The room has ended');
  await expect(tour.locator('.tour__header .badge')).toHaveText('Ended');
  await expect(second.page.locator('#guest')).toHaveAttribute('data-state', 'ended', SHOWN);
  await expect.poll(() => app.tour.visible).toBe(false);
  await expect(bar.getByRole('button', { name: 'Join voice' })).toBeDisabled();
  await second.context.close();

  await bar.getByRole('button', { name: 'Back to room' }).click();
  await expect(page.getByRole('button', { name: 'Start tour' })).toHaveCount(0);
});

test.describe('in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('the tour at 1024×700 and 1600×1000', async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(SMALL);
    await openWorkspace(app);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '新建房间' }).click();
    await page.getByLabel('房源标题').fill('滨江两居室');
    await page.getByLabel('VR 链接或编码').fill(home.vr_code);
    await page.getByLabel('私人备注').fill('客户希望工作日上午看房；含一个车位。');
    await page.getByRole('button', { name: '创建房间' }).click();
    await page.getByRole('button', { name: '开始带看' }).click();
    const tour = page.getByRole('region', { name: '滨江两居室 的带看' });
    await expect(tour).toHaveAttribute('data-tour-stage', 'live', SHOWN);
    const roomCode = app.sandbox.rooms.list()[0]!.roomCode;
    const guest = await guestPage(app, await passLink(app, roomCode, 'client-zhang', '张先生'));
    await expect(tour.locator('.tour-person[data-user-id="client-zhang"]')).toBeVisible(SHOWN);
    await expect(tour.getByRole('list', { name: '加入和离开提醒' })).toContainText('张先生 已加入');
    await expect(tour.getByRole('toolbar', { name: '带看控制' })).toBeInViewport();
    await expect(tour.getByRole('region', { name: 'VR 带看' })).toHaveAttribute('data-tour-phase', 'showing', VR_SHOWN);
    await page.setViewportSize(LARGE);
    await expect(tour.getByRole('toolbar', { name: '带看控制' })).toBeInViewport();
    // The shortcuts list names the tour's shortcuts; Esc closes it and stays in the tour.
    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog');
    await expect(help).toContainText('为所有人结束房间（带看中，会先确认）');
    await saveScreenshot(page, 'zh-CN', 'tour-shortcuts');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    await expect(tour).toHaveAttribute('data-tour-stage', 'live');
    await guest.context.close();
    // The notes are read-only here; "Edit notes" opens them where they are edited.
    await tour.getByRole('button', { name: '编辑备注' }).click();
    await expect(page.getByRole('textbox', { name: '备注' })).toHaveValue('客户希望工作日上午看房；含一个车位。');
  });
});
