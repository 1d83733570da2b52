import type { BrowserContext, Page } from '@playwright/test';
import { defaultEndpoints } from '../../common/profile';
import { DEMO_HOMES } from '../../main/sandbox/demo-vrs';
import { RoomPage } from './pages/room-page';
import { createRoom, expect, openWorkspace, test } from './workspace';
import type { HarnessApp } from './support/harness';

/**
 * The room's live channel is held by each part of the app that needs it: voice, the tour screen, the
 * tour view in main, the presence panel. One part letting go leaves the others' channel connected; the
 * last one letting go (or the app page reloading) takes the agent out of the room, as the client's
 * guest page shows in its people list.
 */
test.use({ sandboxRoomLinks: 'live-channel' });
test.describe.configure({ timeout: 120_000 });

const SETTLED = { timeout: 20_000 };
const BOUNDS = { x: 0, y: 40, width: 800, height: 600 };

/** The client's guest page, from a pass's link, in a browser context of its own. */
async function guestPage(app: HarnessApp, roomCode: string): Promise<{ context: BrowserContext; page: Page }> {
  const pass = await app.services.rooms.issueGuestPass({
    roomCode,
    guest: { userId: 'client-zhang', role: 'audience', nickname: 'Mr Zhang' },
  });
  const context = await app.page
    .context()
    .browser()!
    .newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(pass.inviteUrl);
  return { context, page };
}

/** The app page's own bridge, as the tour screen calls it. */
function tourScreenHold(app: HarnessApp, roomCode: string, hold: boolean) {
  return app.page.evaluate(
    async ([code, connect]) => {
      const input = { roomCode: code, holder: 'tour' as const };
      return connect ? window.roomdesk.connectLiveChannel(input) : window.roomdesk.disconnectLiveChannel(input);
    },
    [roomCode, hold] as const,
  );
}

test('leaving the tour while in voice keeps voice’s channel; leaving voice too takes the agent out of the room', async ({ app }) => {
  const { page } = app;
  await openWorkspace(app);
  const roomCode = await createRoom(page, { title: 'Holders', vr: DEMO_HOMES[0]!.vr_code });
  const room = new RoomPage(page);
  const client = await guestPage(app, roomCode);
  try {
    const people = client.page.locator('.guest-person');
    await expect(people).toHaveCount(1, SETTLED);

    // The agent joins voice from the room page: voice holds the room's channel.
    await room.voice.getByRole('button', { name: 'Join voice' }).click();
    await expect(room.voice.getByText('In voice (sandbox: WebRTC on this computer)')).toBeVisible(SETTLED);
    const agentId = app.services.live.presence(roomCode)!.self!.userId;
    const agent = client.page.locator(`.guest-person[data-user-id="${agentId}"]`);
    await expect(agent).toBeVisible(SETTLED);
    const tickets = app.sandbox.stats.count(defaultEndpoints.roomTicket);

    // The tour opens (the tour screen's hold and main's tour view) and is left again.
    expect(await tourScreenHold(app, roomCode, true)).toMatchObject({ ok: true, value: { connection: 'connected' } });
    expect(app.services.tour.open(roomCode, BOUNDS).phase).toBe('loading');
    await expect.poll(() => app.services.live.holders(roomCode).sort(), SETTLED).toEqual(['tour', 'tour-view', 'voice']);
    expect(await tourScreenHold(app, roomCode, false)).toMatchObject({ ok: true, value: { connection: 'connected' } });
    expect(app.services.tour.close().phase).toBe('closed');

    // Voice's channel stayed up the whole time: no new ticket, the agent still in the room and in voice.
    expect(app.services.live.holders(roomCode)).toEqual(['voice']);
    expect(app.services.live.presence(roomCode)?.connection).toBe('connected');
    expect(app.sandbox.stats.count(defaultEndpoints.roomTicket)).toBe(tickets);
    await page.waitForTimeout(500);
    await expect(agent).toBeVisible();
    await expect(room.voice.getByText('In voice (sandbox: WebRTC on this computer)')).toBeVisible();

    // Leaving voice too: nobody holds the channel, and the agent leaves the client's people list.
    await room.voice.getByRole('button', { name: 'Leave voice' }).click();
    await expect(agent).toHaveCount(0, SETTLED);
    await expect(people).toHaveCount(1);
    expect(app.services.live.presence(roomCode)?.connection).toBe('disconnected');
    expect(app.services.live.holders(roomCode)).toEqual([]);
  } finally {
    await client.context.close();
  }
});

test('reloading the app page lets go of what the old page held', async ({ app }) => {
  const { page } = app;
  await openWorkspace(app);
  const roomCode = await createRoom(page, { title: 'Reloaded' });
  const room = new RoomPage(page);
  const client = await guestPage(app, roomCode);
  try {
    await room.voice.getByRole('button', { name: 'Join voice' }).click();
    await expect(room.voice.getByText('In voice (sandbox: WebRTC on this computer)')).toBeVisible(SETTLED);
    const agentId = app.services.live.presence(roomCode)!.self!.userId;
    await expect(client.page.locator(`.guest-person[data-user-id="${agentId}"]`)).toBeVisible(SETTLED);

    // The old page never says goodbye; its load ends its holds all the same.
    await page.reload();
    await expect(page.locator('html[data-app-ready="true"]')).toBeAttached(SETTLED);
    await expect(client.page.locator(`.guest-person[data-user-id="${agentId}"]`)).toHaveCount(0, SETTLED);
    expect(app.services.live.holders(roomCode)).toEqual([]);
    expect(app.services.live.presence(roomCode)?.connection).toBe('disconnected');
  } finally {
    await client.context.close();
  }
});
