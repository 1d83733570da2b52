import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_HOMES } from '../../main/sandbox/demo-vrs';
import { GUEST_VOICE_SIGN_EVENT } from '../../common/guest-link';
import { expect, saveScreenshot, test } from './workspace';
import type { HarnessApp } from './support/harness';

/**
 * A TRTC room (the sandbox hands out TRTC-shaped signatures): the agent's app fetches each guest its
 * own voice signature and sends it to that guest only; the guest page decodes it, loads the TRTC
 * adapter and joins. Offline here, TRTC's servers cannot be reached: the page says so in words.
 */
test.use({ sandboxRoomLinks: 'live-channel', sandboxVoiceVendor: 'trtc' });
test.describe.configure({ timeout: 120_000 });

const SETTLED = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

/** A real-style profile on the sandbox, so the room's voice vendor comes from the room (TRTC), not the sandbox profile. */
async function trtcRoom(app: HarnessApp): Promise<string> {
  const saved = await app.services.profiles.save({
    name: 'Acme office',
    region: 'custom',
    customBaseUrl: app.sandbox.baseUrl,
    appKey: app.sandbox.demoApp.appKey,
    appSecret: app.sandbox.demoApp.appSecret,
    userId: 'agent-7',
    nickname: 'Ana',
    guestPageUrl: `${app.sandbox.baseUrl}/guest/`,
  });
  await app.services.profiles.setActive(saved.id);
  const room = await app.services.rooms.createRoom({ guests: [], listing: { title: 'Riverside', vr: DEMO_HOMES[0]!.vr_code } });
  app.services.live.connect(room.roomCode, 'presence');
  await expect.poll(() => app.services.live.presence(room.roomCode)?.connection, SETTLED).toBe('connected');
  return room.roomCode;
}

interface Guest {
  context: BrowserContext;
  page: Page;
  /** The signatures that reached this page over its live channel. */
  signs: string[];
  /** Script files the page fetched. */
  scripts: string[];
}

async function openGuest(
  app: HarnessApp,
  roomCode: string,
  userId: string,
  locale: 'en-US' | 'zh-CN',
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Guest> {
  const pass = await app.services.rooms.issueGuestPass({ roomCode, guest: { userId, role: 'audience', nickname: userId } });
  const context = await app.page.context().browser()!.newContext({ viewport: PHONE, locale });
  await prepare?.(context);
  const page = await context.newPage();
  const guest: Guest = { context, page, signs: [], scripts: [] };
  page.on('request', (request) => {
    if (request.resourceType() === 'script') guest.scripts.push(new URL(request.url()).pathname);
  });
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload);
      if (!text.includes(GUEST_VOICE_SIGN_EVENT)) return;
      const sign = /"sign":"([^"]+)"/.exec(text)?.[1];
      if (sign) guest.signs.push(sign);
    }),
  );
  await page.goto(pass.inviteUrl);
  await expect(page.locator('#guest')).toHaveAttribute('data-state', 'following', SETTLED);
  return guest;
}

test('a guest in a TRTC room gets its own signature, joins with TRTC, and is told the vendor is unreachable', async ({ app }) => {
  const roomCode = await trtcRoom(app);
  const zhang = await openGuest(app, roomCode, 'client-zhang', 'en-US');
  const li = await openGuest(app, roomCode, 'client-li', 'zh-CN');
  try {
    const liveIds = app.services.live.presence(roomCode)!.users.map((user) => user.userId);
    expect(liveIds).toEqual(expect.arrayContaining(['client-zhang', 'client-li']));

    // Each page decoded a signature in its own live user id, and received only its own.
    for (const [guest, userId] of [
      [zhang, 'client-zhang'],
      [li, 'client-li'],
    ] as const) {
      const voice = guest.page.locator('.guest-voice');
      await expect(voice).toHaveAttribute('data-voice-vendor', 'trtc', SETTLED);
      await expect(voice).toHaveAttribute('data-voice-user', userId);
      expect(guest.signs).toHaveLength(1);
    }
    expect(zhang.signs[0]).not.toBe(li.signs[0]);
    // The TRTC SDK is fetched only once the guest joins voice.
    expect(zhang.scripts.filter((path) => /trtc/i.test(path))).toEqual([]);

    await zhang.page.getByRole('button', { name: 'Join voice' }).click();
    await li.page.getByRole('button', { name: '加入语音' }).click();
    await expect(zhang.page.locator('.guest-voice')).toHaveAttribute('data-voice-status', 'joining');
    expect(zhang.scripts.some((path) => /trtc-adapter/.test(path))).toBe(true);
    expect(zhang.scripts.some((path) => /chime/i.test(path))).toBe(false);

    const unreachable = { timeout: 45_000 };
    await expect(zhang.page.getByRole('alert')).toHaveText(
      'The voice service could not be reached. Check your network and tap Join voice again.',
      unreachable,
    );
    await expect(li.page.getByRole('alert')).toHaveText('无法连接语音服务。请检查网络后再点"加入语音"。', unreachable);
    await expect(zhang.page.locator('.guest-voice')).toHaveAttribute('data-voice-status', 'idle');
    await expect(zhang.page.getByRole('button', { name: 'Join voice' })).toBeEnabled();
    await saveScreenshot(zhang.page, 'en', 'guest-voice-unreachable');
    await saveScreenshot(li.page, 'zh-CN', 'guest-voice-unreachable');

    // The signatures never reached main's log, the history files or the pages' storage.
    const files = await app.dataFiles();
    for (const sign of [...zhang.signs, ...li.signs]) {
      expect(app.logLines.join('\n')).not.toContain(sign);
      for (const file of files) expect(file.text, file.path).not.toContain(sign);
      for (const guest of [zhang, li]) {
        const stored = await guest.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
        expect(stored).not.toContain(sign);
      }
    }
  } finally {
    await zhang.context.close();
    await li.context.close();
  }
});

test('a guest who taps Join before its signature arrived waits for it, and never joins the sandbox mesh', async ({ app }) => {
  const roomCode = await trtcRoom(app);
  // The page's channel passes everything but the signature, which the test hands over when it chooses.
  const held: (string | Buffer)[] = [];
  const channel: { toPage?: (message: string | Buffer) => void } = {};
  const zhang = await openGuest(app, roomCode, 'client-zhang', 'en-US', (context) =>
    context.routeWebSocket(/.*/, (socket) => {
      const server = socket.connectToServer();
      channel.toPage = (message) => socket.send(message);
      server.onMessage((message) => (String(message).includes(GUEST_VOICE_SIGN_EVENT) ? held.push(message) : socket.send(message)));
      socket.onMessage((message) => server.send(message));
    }),
  );
  try {
    const voice = zhang.page.locator('.guest-voice');
    await expect(voice.locator('.guest-voice-state')).toHaveText('Getting voice ready…', SETTLED);
    const join = zhang.page.getByRole('button', { name: 'Join voice' });
    await expect(join).toBeDisabled();
    await join.click({ force: true });
    await expect(voice).toHaveAttribute('data-voice-status', 'idle');
    expect(app.services.live.presence(roomCode)!.users.some((user) => user.userId === 'client-zhang')).toBe(true);

    await expect.poll(() => held.length, SETTLED).toBeGreaterThan(0);
    for (const message of held) channel.toPage!(message);
    await expect(voice).toHaveAttribute('data-voice-vendor', 'trtc', SETTLED);
    await expect(join).toBeEnabled();
    await expect(voice.locator('.guest-voice-state')).toHaveText('Tap Join voice to talk with your guide.');
  } finally {
    await zhang.context.close();
  }
});
