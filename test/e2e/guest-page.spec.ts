import type { BrowserContext, Page } from '@playwright/test';
import { FIVE_STATE_KEY } from '../../common/live-protocol';
import { DEMO_HOMES, faceColour, type CubeFace } from '../../main/sandbox/demo-vrs';
import { expect, saveScreenshot, test } from './workspace';
import type { HarnessApp } from './support/harness';
import { centreColour, near } from './tour/support/pixels';

/**
 * A client joins a sandbox tour from the guest pass alone: a second browser context opens the pass's
 * link (the sandbox's /guest/ page, room link and ticket in the fragment), the agent's app (main's
 * live channel client as host) sends it the VR's Work, and the page follows the host's keyframes.
 */
test.use({ sandboxRoomLinks: 'live-channel' });
test.describe.configure({ timeout: 120_000 });

const home = DEMO_HOMES[0]!;
const living = home.rooms[0]!;
const SETTLED = { timeout: 30_000, intervals: [250, 500, 1000] };
const PHONE = { width: 390, height: 844 };

async function liveRoom(app: HarnessApp): Promise<string> {
  const room = await app.services.rooms.createRoom({ guests: [], listing: { title: 'Riverside', vr: home.vr_code } });
  app.services.live.connect(room.roomCode, 'presence');
  await expect.poll(() => app.services.live.presence(room.roomCode)?.connection, SETTLED).toBe('connected');
  return room.roomCode;
}

async function guestPass(app: HarnessApp, roomCode: string, userId: string, nickname: string): Promise<string> {
  const pass = await app.services.rooms.issueGuestPass({ roomCode, guest: { userId, role: 'audience', nickname } });
  return pass.inviteUrl;
}

async function guestContext(app: HarnessApp, locale: 'en-US' | 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.page.context().browser()!.newContext({ viewport: PHONE, locale });
  return { context, page: await context.newPage() };
}

async function expectFace(page: Page, decoder: Page, face: CubeFace): Promise<void> {
  const expected = faceColour(living, face);
  await expect
    .poll(async () => {
      const colour = await centreColour(page, decoder);
      return near(colour, expected) ? 'shown' : `${JSON.stringify(colour)} instead of ${face} ${JSON.stringify(expected)}`;
    }, SETTLED)
    .toBe('shown');
}

test('a client opens the pass, appears in the room, sees the VR and follows the guide', async ({ app }) => {
  const roomCode = await liveRoom(app);
  const link = await guestPass(app, roomCode, 'client-zhang', 'Mr Zhang');
  expect(link).toMatch(new RegExp(`^${app.sandbox.baseUrl}/guest/#room=ws`));
  expect(new URL(link).search, 'nothing of the pass reaches a server').toBe('');

  const { context, page } = await guestContext(app, 'en-US');
  const decoder = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  try {
    const started = Date.now();
    await page.goto(link);
    await expect
      .poll(() => app.services.live.presence(roomCode)?.users.some((user) => user.userId === 'client-zhang'), { timeout: 2_000 })
      .toBe(true);
    const joinedMs = Date.now() - started;
    test.info().annotations.push({ type: 'pass opened → in the agent’s participants', description: `${joinedMs} ms` });

    const guestPage = page.locator('#guest');
    await expect(guestPage).toHaveAttribute('data-state', 'following', SETTLED);
    await expect(page.getByRole('status')).toHaveText('Following your agent');
    await expect(page.locator('.guest-people-list bdi')).toContainText(['Mr Zhang']);
    await expect(page.locator('.guest-person', { hasText: 'Mr Zhang' })).toContainText('(you)');
    await expect(page.locator('.guest-person', { hasText: '(guide)' })).toHaveCount(1);
    await expectFace(page, decoder, 'front');
    await saveScreenshot(page, 'en', 'guest-following');

    app.services.live.channel(roomCode)!.sendKeyframe({ [FIVE_STATE_KEY]: { longitude: Math.PI / 2 } });
    await expectFace(page, decoder, 'right');

    // The page narrowed its policy to the room and the Work's origins, and nothing it needs was refused
    // (the one refusal allowed is a bundled protobuf.js probing for eval, which it catches).
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(2);
    const violations: string[] = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations.filter((violation) => violation !== 'script-src eval')).toEqual([]);

    // The ticket was spent by the first load: a reload is refused, and the page says what to do.
    await page.reload();
    await expect(guestPage).toHaveAttribute('data-state', 'used', SETTLED);
    await expect(page.getByRole('status')).toContainText('This link has already been used.');
    await expect(page.getByRole('status')).toContainText('Ask your agent for a new link.');
    await saveScreenshot(page, 'en', 'guest-link-used');

    // A new pass works again.
    await page.goto(await guestPass(app, roomCode, 'client-zhang', 'Mr Zhang'));
    await expect(guestPage).toHaveAttribute('data-state', 'following', SETTLED);
    // A late joiner opens where the guide is now (the room's last frame), not at the VR's start.
    await expectFace(page, decoder, 'right');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'en', 'guest-following-desktop');
  } finally {
    await context.close();
  }
});

test('speaks Chinese to a Chinese browser, and a damaged link ends in words', async ({ app }) => {
  const roomCode = await liveRoom(app);
  const { context, page } = await guestContext(app, 'zh-CN');
  try {
    const link = await guestPass(app, roomCode, 'client-li', '李女士 (Ms Li)');
    await page.goto(link);
    const guestPage = page.locator('#guest');
    await expect(guestPage).toHaveAttribute('data-state', 'following', SETTLED);
    await expect(page.getByRole('status')).toHaveText('正在跟随经纪人');
    await expect(page.locator('.guest-people-title')).toHaveText('房间成员');
    await expect(page.locator('.guest-people-list bdi')).toContainText(['李女士 (Ms Li)']);
    await saveScreenshot(page, 'zh-CN', 'guest-following');

    await page.reload();
    await expect(page.getByRole('status')).toContainText('请向经纪人索取新链接。', SETTLED);
    await saveScreenshot(page, 'zh-CN', 'guest-link-used');

    const truncated = link.slice(0, link.indexOf('&ticket=') + 5);
    for (const damaged of [truncated, `${app.sandbox.baseUrl}/guest/#room=ws%3A%2F%2Fevil&ticket=${'x'.repeat(20)}`]) {
      await page.goto('about:blank');
      await page.goto(damaged);
      await expect(guestPage).toHaveAttribute('data-state', 'badLink');
      await expect(page.getByRole('status')).toContainText('此链接不完整或已损坏。');
    }
    await saveScreenshot(page, 'zh-CN', 'guest-bad-link');
    await page.goto('about:blank');
    await page.goto(`${app.sandbox.baseUrl}/guest/`);
    await expect(guestPage).toHaveAttribute('data-state', 'noLink');
  } finally {
    await context.close();
  }
});

test('waits for the agent when the room has no VR yet, and says when the room ended', async ({ app }) => {
  const room = await app.services.rooms.createRoom({ guests: [], listing: { title: 'No VR yet' } });
  app.services.live.connect(room.roomCode, 'presence');
  await expect.poll(() => app.services.live.presence(room.roomCode)?.connection, SETTLED).toBe('connected');
  const { context, page } = await guestContext(app, 'en-US');
  try {
    await page.goto(await guestPass(app, room.roomCode, 'client-wang', 'Ms Wang'));
    const guestPage = page.locator('#guest');
    await expect(guestPage).toHaveAttribute('data-state', 'waiting', SETTLED);
    await expect(page.getByRole('status')).toHaveText('You are in. Waiting for your agent to start the tour…');
    await saveScreenshot(page, 'en', 'guest-waiting');

    await app.services.live.endRoom(room.roomCode);
    await expect(guestPage).toHaveAttribute('data-state', 'ended', SETTLED);
    await expect(page.getByRole('status')).toContainText('The tour has ended.');
    await saveScreenshot(page, 'en', 'guest-ended');
  } finally {
    await context.close();
  }
});

test('a pass opened after the room ended says the tour ended, not that the link was used', async ({ app }) => {
  const roomCode = await liveRoom(app);
  const link = await guestPass(app, roomCode, 'client-zhao', 'Mr Zhao');
  await app.services.live.endRoom(roomCode);
  for (const [locale, text, hint] of [
    ['en-US', 'This tour has ended.', 'Your agent has closed this room.'],
    ['zh-CN', '此次带看已结束。', '经纪人已关闭此房间。'],
  ] as const) {
    const { context, page } = await guestContext(app, locale);
    try {
      await page.goto(link);
      const guestPage = page.locator('#guest');
      await expect(guestPage).toHaveAttribute('data-state', 'roomClosed', SETTLED);
      await expect(page.getByRole('status')).toContainText(text);
      await expect(page.getByRole('status')).toContainText(hint);
      await expect(page.getByRole('status')).not.toContainText(locale === 'en-US' ? 'used' : '使用');
      const name = locale === 'en-US' ? 'en' : 'zh-CN';
      await saveScreenshot(page, name, 'guest-room-closed');
      await page.setViewportSize({ width: 1280, height: 800 });
      await saveScreenshot(page, name, 'guest-room-closed-desktop');
    } finally {
      await context.close();
    }
  }
});

test('a link whose ticket was moved to another room, or whose ticket was altered, ends in words', async ({ app }) => {
  const first = await liveRoom(app);
  const second = await liveRoom(app);
  const { context, page } = await guestContext(app, 'en-US');
  try {
    const pass = new URL(await guestPass(app, first, 'client-qian', 'Ms Qian'));
    const fragment = new URLSearchParams(pass.hash.slice(1));
    const secondLink = fragment.get('room')!.replace(`/open/${first}`, `/open/${second}`);
    expect(secondLink).not.toBe(fragment.get('room'));

    const tampered = new URLSearchParams(fragment);
    tampered.set('ticket', `${fragment.get('ticket')!.slice(0, -2)}zz`);
    await page.goto(`${pass.origin}${pass.pathname}#${tampered.toString()}`);
    const guestPage = page.locator('#guest');
    await expect(guestPage).toHaveAttribute('data-state', 'badTicket', SETTLED);
    await expect(page.getByRole('status')).toContainText('This link is incomplete or damaged.');

    const moved = new URLSearchParams(fragment);
    moved.set('room', secondLink);
    await page.goto('about:blank');
    await page.goto(`${pass.origin}${pass.pathname}#${moved.toString()}`);
    await expect(guestPage).toHaveAttribute('data-state', 'otherRoom', SETTLED);
    await expect(page.getByRole('status')).toContainText('This link does not belong to this tour.');
    await saveScreenshot(page, 'en', 'guest-other-room');
    await expect.poll(() => app.services.live.presence(second)?.users.some((user) => user.userId === 'client-qian')).toBe(false);
  } finally {
    await context.close();
  }
});
