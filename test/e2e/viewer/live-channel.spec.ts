import WebSocket from 'ws';
import { buildViewerFixture, serveViewerFixture } from './support/fixture-build';
import { expect, test } from './support/viewer-test';
import type { HarnessApp } from '../support/harness';
import { guestSocketUrl, parseGuestLink } from '../../../common/guest-link';

// The sandbox hands out ws live channel links, as the real service does.
test.use({ sandboxRoomLinks: 'live-channel' });

let fixtureDir = '';
const SHOWN = { timeout: 20_000 };
test.beforeAll(async () => {
  test.setTimeout(60_000);
  fixtureDir = await buildViewerFixture();
});

async function mountLiveRoom(app: HarnessApp, locale: 'en' | 'zh-CN') {
  await app.open();
  const room = await app.services.rooms.createRoom({ guests: [], listing: {} });
  const fixtureUrl = await serveViewerFixture(app.page, new URL(app.page.url()).origin, fixtureDir);
  await app.page.goto(`${fixtureUrl}?room=${room.roomCode}&locale=${locale}`);
  return room.roomCode;
}

function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => socket.once('open', () => resolve(socket)).once('error', reject));
}

test.describe('a room whose link is a live channel', () => {
  test.describe.configure({ timeout: 90_000 });

  test('shows who is in the room, and says so when the room is opened on another device', async ({ app }) => {
    const roomCode = await mountLiveRoom(app, 'en');
    const page = app.page;
    await expect(page.getByRole('region', { name: 'Room viewer' })).toHaveAttribute('data-viewer-phase', 'live-channel', SHOWN);
    const presence = page.getByRole('region', { name: 'In the room' });
    await expect(presence.getByRole('status')).toHaveText('Connected', SHOWN);

    const pass = await app.services.rooms.issueGuestPass({
      roomCode,
      guest: { userId: 'client-zhang', role: 'audience', nickname: 'Zhang' },
    });
    // The pass opens the sandbox's guest page; its fragment holds the room link and the ticket.
    const link = parseGuestLink(new URL(pass.inviteUrl).hash);
    if (!link.ok) throw new Error(`the pass is not a guest page link: ${link.problem}`);
    const guest = await openSocket(guestSocketUrl(link.link));
    await expect(presence.locator('.viewer-presence__list')).toContainText('Zhang', SHOWN);

    // The same agent connecting elsewhere with force=1 takes the room over: final, said in words.
    const other = await openSocket((await app.services.rooms.hostTicketLink(roomCode, true)).url);
    await expect(presence.getByRole('status')).toHaveText('This room was opened on another device.', SHOWN);
    await expect(presence.getByRole('button', { name: 'Connect again' })).toBeVisible();
    expect(await page.content()).not.toMatch(/ticket=/);
    guest.close();
    other.close();
  });

  test('says in Chinese that the room was opened on another device', async ({ app }) => {
    const roomCode = await mountLiveRoom(app, 'zh-CN');
    const page = app.page;
    await expect.poll(() => app.services.live.presence(roomCode)?.connection, SHOWN).toBe('connected');
    const other = await openSocket((await app.services.rooms.hostTicketLink(roomCode, true)).url);
    await expect(page.getByText('此房间已在另一台设备上打开。')).toBeVisible(SHOWN);
    other.close();
  });
});
