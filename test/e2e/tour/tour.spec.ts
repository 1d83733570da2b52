import type { BrowserContext, Page } from '@playwright/test';
import WebSocket from 'ws';
import { FIVE_STATE_KEY } from '../../../common/live-protocol';
import { DEMO_HOMES } from '../../../main/sandbox/demo-vrs';
import type { HarnessApp } from '../support/harness';
import { createRoom, expect, openWorkspace, screenshotPath, test } from '../workspace';
import { centreColour, faceOf, near } from './support/pixels';
import { compositeScreenshot } from './support/page-tour-host';

/**
 * The agent's tour end to end: the host starts a tour on a sandbox demo VR from the room page; the
 * tour page (main's loopback server, in the tour view's stand-in) renders it and leads; a client on
 * the guest page follows; control goes to the client and back; a late joiner starts where the guide
 * is; leaving keeps the room; ending the room ends the tour for everyone.
 */
test.use({ sandboxRoomLinks: 'live-channel' });
test.describe.configure({ timeout: 180_000 });

const home = DEMO_HOMES[0]!;
const living = home.rooms[0]!;
const SETTLED = { timeout: 30_000, intervals: [250, 500, 1000] };
const PHONE = { width: 390, height: 844 };

async function guestPage(app: HarnessApp, roomCode: string, userId: string, nickname: string, locale = 'en-US') {
  const pass = await app.services.rooms.issueGuestPass({ roomCode, guest: { userId, role: 'audience', nickname } });
  const context: BrowserContext = await app.page.context().browser()!.newContext({ viewport: PHONE, locale });
  const page = await context.newPage();
  await page.goto(pass.inviteUrl);
  await expect(page.locator('#guest')).toHaveAttribute('data-state', 'following', SETTLED);
  return { context, page };
}

/** A drag across the middle of the view, `share` of its width to the right (negative: to the left), as a person turns around. */
async function drag(page: Page, share: number): Promise<void> {
  const size = page.viewportSize()!;
  const distance = (size.width * share) / 2;
  await page.mouse.move(size.width / 2 - distance, size.height / 2);
  await page.mouse.down();
  await page.mouse.move(size.width / 2 + distance, size.height / 2, { steps: 15 });
  await page.mouse.up();
}

/** Waits until both views show the same face of the living room (not `not`), and returns it. */
async function sameFace(leader: Page, follower: Page, decoder: Page, not: string): Promise<string> {
  let face = '';
  await expect
    .poll(async () => {
      const [a, b] = [await centreColour(leader, decoder), await centreColour(follower, decoder)];
      face = faceOf(living, a) ?? `none ${JSON.stringify(a)}`;
      return near(a, b) && faceOf(living, a) !== null && face !== not ? 'same' : `${face} / ${faceOf(living, b) ?? JSON.stringify(b)}`;
    }, SETTLED)
    .toBe('same');
  return face;
}

test('the host guides a client through a sandbox home: drag, hand over and back, late joiner, leave, end', async ({ app }) => {
  await openWorkspace(app);
  const roomCode = await createRoom(app.page, { title: 'Riverside tour', vr: home.vr_code });
  await app.page.getByRole('button', { name: 'Start tour' }).click();

  await expect.poll(() => app.tour.current(), SETTLED).toBeTruthy();
  const tour = app.tour.current()!;
  await expect(tour.locator('#tour')).toHaveAttribute('data-phase', 'showing', SETTLED);
  await expect(app.page.getByRole('region', { name: 'VR tour' })).toHaveAttribute('data-tour-phase', 'showing');
  expect(app.tour.visible).toBe(true);
  expect(app.tour.bounds!.width).toBeGreaterThan(300);
  expect(app.services.tour.state()).toMatchObject({ roomCode, phase: 'showing', leadership: { leading: true, isHost: true } });
  const hostId = app.services.live.presence(roomCode)!.self!.userId;
  // The page ran under its session's policy (the Work's origin only, besides itself) and nothing it needs was refused
  // (the one refusal allowed is a bundled protobuf.js probing for eval, which it catches).
  const policy = (await fetch(tour.url())).headers.get('content-security-policy');
  expect(policy).toContain(`connect-src 'self' ${app.sandbox.baseUrl}`);
  expect(policy).not.toMatch(/ws:|unsafe-inline/);
  const violations = await tour.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations.filter((violation) => violation !== 'script-src eval')).toEqual([]);
  expect(await tour.evaluate(() => 'roomdesk' in window)).toBe(false);

  const client = await guestPage(app, roomCode, 'client-zhang', 'Mr Zhang');
  const decoder = await client.context.newPage();
  try {
    expect(faceOf(living, await centreColour(tour, decoder))).toBe('front');
    await expect.poll(async () => faceOf(living, await centreColour(client.page, decoder)), SETTLED).toBe('front');

    // The host turns around: the sandbox relays FiveState keyframes and the client's view follows.
    await drag(tour, 0.5);
    const turned = await sameFace(tour, client.page, decoder, 'front');
    const relayed = app.services.live.channel(roomCode)!.lastFrame()[FIVE_STATE_KEY] as { longitude: number };
    expect(Math.abs(relayed.longitude - Math.PI)).toBeGreaterThan(0.3);

    // Control to the client, from the control bar's Hand over menu by keyboard: the client turns, the host
    // follows; then the host takes it back the same way.
    const screen = app.page.getByRole('region', { name: 'Tour of Riverside tour' });
    const bar = screen.getByRole('toolbar', { name: 'Tour controls' });
    const rail = screen.getByRole('complementary', { name: 'In the room' });
    const menu = screen.getByRole('menu', { name: 'Hand over control' });
    await expect(screen.locator('.tour__leader')).toHaveText(/You lead the view/);
    const handOver = bar.getByRole('button', { name: 'Hand over control' });
    await expect(handOver).not.toHaveAttribute('aria-disabled');
    await handOver.focus();
    await app.page.keyboard.press('Enter');
    await expect(menu.getByRole('menuitem', { name: 'Let Mr Zhang lead the view' })).toBeFocused();
    // The menu is drawn over the VR area: the native view steps aside while it is open, and comes back after.
    await expect.poll(() => app.tour.visible).toBe(false);
    await app.page.keyboard.press('Enter');
    await expect(menu).toHaveCount(0);
    await expect.poll(() => app.tour.visible).toBe(true);
    await expect.poll(() => app.services.tour.state().leadership, SETTLED).toMatchObject({ leaderId: 'client-zhang', leading: false });
    // The header, the rail and the bar say who leads, from the tour's own guided sync.
    await expect(screen.locator('.tour__leader')).toHaveText(/Mr Zhang leads the view/);
    await expect(rail.locator('.tour-person[data-user-id="client-zhang"]')).toContainText('Leads the view');
    await expect(rail.locator('.tour-person', { hasText: '(you)' })).not.toContainText('Leads the view');
    const takeBack = bar.getByRole('button', { name: 'Take back control' });
    await expect(takeBack).toBeVisible();
    // A phone's view is narrow: a drag across it turns less than a quarter, so the client keeps turning to another face.
    await expect
      .poll(async () => {
        await drag(client.page, 0.9);
        await client.page.waitForTimeout(500);
        return faceOf(living, await centreColour(client.page, decoder));
      }, SETTLED)
      .not.toBe(turned);
    const clientTurned = await sameFace(client.page, tour, decoder, turned);
    expect(clientTurned).not.toBe(turned);

    await takeBack.focus();
    await app.page.keyboard.press('Enter');
    await expect(menu.getByRole('menuitem').first()).toHaveText('Take back control');
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await expect(menu.getByRole('menuitem', { name: 'Let Mr Zhang lead the view' })).toBeDisabled();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.services.tour.state().leadership, SETTLED).toMatchObject({ leaderId: hostId, leading: true });
    await expect(screen.locator('.tour__leader')).toHaveText(/You lead the view/);
    await expect(bar.getByRole('button', { name: 'Hand over control' })).toBeVisible();
    await drag(tour, -0.5);
    const hostAgain = await sameFace(tour, client.page, decoder, clientTurned);

    // A client joining now opens where the guide is (the room's last frame), not at the VR's start.
    const late = await guestPage(app, roomCode, 'client-li', 'Ms Li');
    try {
      await expect.poll(async () => faceOf(living, await centreColour(late.page, decoder)), SETTLED).toBe(hostAgain);
    } finally {
      await late.context.close();
    }

    // Leaving the tour keeps the room open and the client in; nothing else of the app holds the channel, so the agent leaves it.
    await bar.getByRole('button', { name: 'Leave tour' }).click();
    await expect.poll(() => app.services.tour.state().phase, SETTLED).toBe('closed');
    expect(app.tour.visible).toBe(false);
    await expect.poll(() => app.services.live.presence(roomCode)?.connection, SETTLED).toBe('disconnected');
    expect(app.sandbox.rooms.get(roomCode)?.closedAt).toBeNull();
    await expect(app.page.getByRole('button', { name: 'Start tour' })).toBeVisible();
    await expect(client.page.locator('#guest')).toHaveAttribute('data-state', 'following');

    // A second tour opens at the room's last frame too; ending the room ends it for everyone.
    await app.page.getByRole('button', { name: 'Start tour' }).click();
    await expect.poll(() => app.tour.pages.length, SETTLED).toBe(2);
    const again = app.tour.current()!;
    await expect(again.locator('#tour')).toHaveAttribute('data-phase', 'showing', SETTLED);
    await expect.poll(async () => faceOf(living, await centreColour(again, decoder)), SETTLED).toBe(hostAgain);

    await app.page.evaluate((code) => window.roomdesk.endRoom({ roomCode: code }), roomCode);
    await expect.poll(() => app.services.tour.state(), SETTLED).toMatchObject({ phase: 'closed', failure: { reason: 'room-ended' } });
    // The screen says so over the VR area (the viewport adds no words of its own).
    await expect(app.page.getByRole('region', { name: 'Tour of Riverside tour' }).getByRole('alert')).toContainText('The room has ended');
    expect(app.tour.visible).toBe(false);
    await expect(client.page.locator('#guest')).toHaveAttribute('data-state', 'ended', SETTLED);
  } finally {
    await client.context.close();
  }

  // Nothing main pushed to a tour page carried a ticket, a room link or the access token.
  const pushed = JSON.stringify(app.tour.sent);
  expect(pushed).not.toMatch(/ticket|ws:\/\/|access_token/i);
  expect(app.tour.sent.length).toBeGreaterThan(5);
});

test('a room without a VR says so instead of a tour', async ({ app }) => {
  await openWorkspace(app);
  await createRoom(app.page, { title: 'No VR yet' });
  await app.page.getByRole('button', { name: 'Start tour' }).click();
  const viewport = app.page.getByRole('region', { name: 'VR tour' });
  await expect(viewport).toHaveAttribute('data-tour-phase', 'failed', SETTLED);
  await expect(viewport).toContainText('This room has no VR.');
  expect(app.tour.pages).toHaveLength(0);
});

const SCREEN_TEXT = {
  en: {
    start: 'Start tour',
    tour: 'Tour of Riverside tour',
    viewport: 'VR tour',
    rail: 'In the room',
    bar: 'Tour controls',
    voice: 'Voice',
  },
  'zh-CN': { start: '开始带看', tour: 'Riverside tour 的带看', viewport: 'VR 带看', rail: '房间内', bar: '带看控制', voice: '语音' },
} as const;

/** The app window with the tour page composited in where main placed it, once the page has taken its new size. */
async function tourScreenshot(app: HarnessApp, tour: Page, locale: 'en' | 'zh-CN', name: string): Promise<void> {
  const region = app.page.getByRole('region', { name: SCREEN_TEXT[locale].viewport });
  // A hidden view is not in the picture: only a shown one has to be where the area is.
  if (app.tour.visible)
    await expect
      .poll(async () => {
        const area = await region.boundingBox();
        const widths = [Math.round(area?.width ?? 0), app.tour.bounds?.width, tour.viewportSize()?.width];
        return widths.every((width) => width === widths[0]) ? 'placed' : JSON.stringify(widths);
      }, SETTLED)
      .toBe('placed');
  await app.page.waitForTimeout(300);
  await app.page.evaluate(() => document.fonts.ready);
  await compositeScreenshot(app.page, app.tour, await screenshotPath(locale, name));
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`screenshots of the tour in the app window (${locale}): small and large, opened elsewhere, ended`, async ({ app }) => {
    const text = SCREEN_TEXT[locale];
    await app.page.addInitScript((language) => localStorage.setItem('roomdesk.language', language), locale);
    const room = await app.services.rooms.createRoom({
      guests: [],
      listing: { title: 'Riverside tour', vr: home.vr_code, notes: locale === 'en' ? 'Parking spot included.' : '含一个车位。' },
    });
    await app.page.setViewportSize({ width: 1024, height: 700 });
    await openWorkspace(app);
    await app.page
      .getByRole('button', { name: /Riverside tour/ })
      .first()
      .click();
    await app.page.getByRole('button', { name: text.start }).click();
    await expect.poll(() => app.tour.current(), SETTLED).toBeTruthy();
    const tour = app.tour.current()!;
    await expect(tour.locator('#tour')).toHaveAttribute('data-phase', 'showing', SETTLED);
    expect(app.services.tour.state()).toMatchObject({ roomCode: room.roomCode, phase: 'showing' });
    const screen = app.page.getByRole('region', { name: text.tour });
    const client = await guestPage(app, room.roomCode, 'client-zhang', locale === 'en' ? 'Mr Zhang' : '张先生', locale);
    try {
      await expect(screen.locator('.tour-person[data-user-id="client-zhang"]')).toBeVisible(SETTLED);
      await expect(screen.getByRole('complementary', { name: text.rail })).toBeVisible();
      // The agent in voice and muted: the bar at its widest, the rail showing it (not speaking, so the pictures hold still).
      const voice = screen.getByRole('toolbar', { name: text.bar }).getByRole('group', { name: text.voice });
      await voice.getByRole('button').first().click();
      await expect(voice).toHaveAttribute('data-voice-status', 'joined', SETTLED);
      await voice.locator('button[aria-pressed]').click();
      await expect(voice).toHaveAttribute('data-muted', 'true');
      // The agent is listed first.
      await expect(screen.locator('.tour-person').first()).toContainText(locale === 'en' ? 'In voice' : '语音中');

      for (const size of [
        { width: 1024, height: 700, name: 'tour-1024' },
        { width: 1600, height: 1000, name: 'tour-1600' },
      ]) {
        await app.page.setViewportSize(size);
        const bar = screen.getByRole('toolbar', { name: text.bar });
        await expect(bar).toBeInViewport();
        // One row: the bar is no taller than its buttons.
        expect((await bar.boundingBox())!.height).toBeLessThan(60);
        // The chosen microphone's name shows whole ("System default"): its box leaves room for the menu's arrow.
        const spare = await bar.locator('.voice-control__device').evaluate((select: HTMLSelectElement) => {
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = style.font;
          const content = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return content - context.measureText(select.selectedOptions[0]!.text).width;
        });
        expect(spare).toBeGreaterThanOrEqual(16);
        expect(app.tour.visible).toBe(true);
        await tourScreenshot(app, tour, locale, size.name);
      }
      await app.page.setViewportSize({ width: 1024, height: 700 });

      // The room opened on another device: the VR steps aside for the words over its area.
      const other = await openSocket((await app.services.rooms.hostTicketLink(room.roomCode, true)).url);
      await expect(screen).toHaveAttribute('data-tour-stage', 'replaced', SETTLED);
      await expect.poll(() => app.tour.visible).toBe(false);
      await tourScreenshot(app, tour, locale, 'tour-replaced-1024');
      other.close();
      await screen.getByRole('button', { name: locale === 'en' ? 'Connect again' : '重新连接' }).click();
      await expect(screen).toHaveAttribute('data-tour-stage', 'live', SETTLED);

      await app.page.evaluate((code) => window.roomdesk.endRoom({ roomCode: code }), room.roomCode);
      await expect(screen).toHaveAttribute('data-tour-stage', 'ended', SETTLED);
      await expect.poll(() => app.tour.visible).toBe(false);
      await tourScreenshot(app, tour, locale, 'tour-ended-1024');
    } finally {
      await client.context.close();
    }
  });
}

function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => socket.once('open', () => resolve(socket)).once('error', reject));
}
