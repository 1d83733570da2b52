import WebSocket from 'ws';
import { guestSocketUrl, parseGuestLink } from '../../../common/guest-link';
import type { HarnessApp } from '../support/harness';
import { saveScreenshot } from '../workspace';
import { buildViewerFixture, serveViewerFixture } from '../viewer/support/fixture-build';
import { expect, SHOWN, test } from '../viewer/support/viewer-test';

/**
 * "Hand over control" as the tour screen offers it once the route says the VR is shown: a keyboard
 * menu of the online guests that calls the route's `onHandOver` / `onTakeBack`, and who leads shown
 * from the channel's `sync_frame` permissions.
 */
test.use({ sandboxRoomLinks: 'live-channel' });
test.describe.configure({ timeout: 90_000 });

let fixtureDir = '';
test.beforeAll(async () => {
  test.setTimeout(60_000);
  fixtureDir = await buildViewerFixture('test/e2e/tour-screen/fixture');
});

async function mountTour(app: HarnessApp): Promise<string> {
  await app.open();
  const room = await app.services.rooms.createRoom({ guests: [], listing: {} });
  const url = await serveViewerFixture(app.page, new URL(app.page.url()).origin, fixtureDir);
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.page.goto(`${url}?room=${room.roomCode}`);
  return room.roomCode;
}

async function joinAsGuest(app: HarnessApp, roomCode: string, userId: string, nickname: string): Promise<WebSocket> {
  const pass = await app.services.rooms.issueGuestPass({ roomCode, guest: { userId, role: 'audience', nickname } });
  const link = parseGuestLink(new URL(pass.inviteUrl).hash);
  if (!link.ok) throw new Error(`the pass is not a guest page link: ${link.problem}`);
  const socket = new WebSocket(guestSocketUrl(link.link));
  return new Promise((resolve, reject) => socket.once('open', () => resolve(socket)).once('error', reject));
}

test('hands the view to a guest from a keyboard menu, shows who leads, and takes it back', async ({ app }) => {
  const roomCode = await mountTour(app);
  const page = app.page;
  const tour = page.getByRole('region', { name: 'Tour of Fixture home' });
  await expect(tour).toHaveAttribute('data-tour-stage', 'live', SHOWN);
  const zhang = await joinAsGuest(app, roomCode, 'client-zhang', 'Mr Zhang');
  const wang = await joinAsGuest(app, roomCode, 'client-wang', 'Ms Wang');
  const rail = tour.getByRole('complementary', { name: 'In the room' });
  await expect(rail.locator('.tour-person')).toHaveCount(3, SHOWN);
  await expect(tour.locator('.tour__leader')).toHaveText(/You lead the view/);

  const vr = page.locator('.vr-slot');
  const button = tour.getByRole('button', { name: 'Hand over control' });
  await expect(button).not.toHaveAttribute('aria-disabled');
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = tour.getByRole('menu', { name: 'Hand over control' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Let Mr Zhang lead the view', 'Let Ms Wang lead the view']);
  await expect(menu.getByRole('menuitem', { name: 'Let Mr Zhang lead the view' })).toBeFocused();
  // The menu is drawn over the VR area: a native view would step aside.
  await expect(vr).toHaveAttribute('data-obscured', 'true');
  // Esc closes the menu only, back on its button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(tour).toBeVisible();
  await expect(vr).toHaveAttribute('data-obscured', 'false');

  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('body')).toHaveAttribute('data-calls', 'hand-over:client-wang');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();

  // What the guided sync does on a hand-over: the agent's own sync_frame off, every other guest's off
  // but the chosen one's. The screen follows the channel.
  const channel = app.services.live.channel(roomCode)!;
  const selfId = app.services.live.presence(roomCode)!.self!.userId;
  channel.setSyncFramePermission('client-zhang', false);
  channel.setSyncFramePermission(selfId, false);
  await expect(tour.locator('.tour__leader')).toHaveText(/Ms Wang leads the view/, SHOWN);
  await expect(rail.locator('.tour-person[data-user-id="client-wang"]')).toContainText('Leads the view');
  await expect(rail.locator('.tour-person', { hasText: '(you)' })).not.toContainText('Leads the view');
  const takeBack = tour.getByRole('button', { name: 'Take back control' });
  await takeBack.press('Enter');
  await expect(menu.getByRole('menuitem').first()).toHaveText('Take back control');
  await expect(menu.getByRole('menuitem', { name: 'Let Ms Wang lead the view' })).toBeDisabled();
  await saveScreenshot(page, 'en', 'tour-hand-over-menu');
  await page.keyboard.press('Enter');
  await expect(page.locator('body')).toHaveAttribute('data-calls', 'hand-over:client-wang take-back');
  await expect(tour.getByText('Control of the view did not change')).toHaveCount(0);

  // A command that was not sent says so, with why.
  channel.setSyncFramePermission(selfId, true);
  await expect(tour.locator('.tour__leader')).toHaveText(/You lead the view/, SHOWN);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Let Mr Zhang lead the view' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tour.getByRole('alert')).toContainText('Control of the view did not change');
  await expect(tour.getByRole('alert')).toContainText('The room’s live channel is not connected.');

  zhang.close();
  wang.close();
});
