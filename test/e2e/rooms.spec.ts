import { HistoryPage } from './pages/history-page';
import { NewRoomPage } from './pages/new-room-page';
import { RoomPage } from './pages/room-page';
import { RoomsPage } from './pages/rooms-page';
import { createRoom, expect, onlyRoom, openWorkspace, test } from './workspace';

test.describe('rooms', () => {
  test('a new room with guests and a listing: agent prefilled, inline validation, progress, then its page', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    const form = new NewRoomPage(page);
    await page.keyboard.press('Control+N');
    await expect(form.heading1).toBeVisible();
    await expect(form.agentId).toHaveValue(/.+/);
    await expect(form.hostRole).toHaveValue('anchor');

    await form.addGuest.click();
    await form.addGuest.click();
    await form.addGuest.click();
    await expect(form.guestRole(1)).toHaveValue('audience');
    await form.guestUserId(1).fill('client-zhang');
    await form.guestNickname(1).fill('Mr Zhang');
    await form.guestUserId(2).fill('client-zhang');
    await form.vr.fill('12345');
    await form.create.click();

    await expect(page.getByText('Each guest needs a different user ID.')).toBeVisible();
    await expect(page.getByText('Enter the guest’s user ID.')).toBeVisible();
    await expect(page.getByText('Enter an 18-character code starting with 80, or an https link.')).toBeVisible();
    expect(sandbox.rooms.list()).toHaveLength(0);

    await form.removeGuest(3).click();
    await form.guestUserId(2).fill('client-wang');
    await form.guestNickname(2).fill('Ms Wang');
    await form.fill({
      title: 'Riverside two-bedroom',
      address: '88 Binjiang Road, Shanghai',
      vr: '800000000000000001',
      notes: 'Client prefers mornings',
    });

    sandbox.faults.inject({ path: '/open/v1/live/entrance', latencyMs: 1500, times: 1 });
    await form.create.click();
    await expect(form.creating).toBeVisible();
    await expect(form.creating).toBeDisabled();

    await expect(page.getByRole('heading', { level: 1, name: 'Riverside two-bedroom' })).toBeVisible({ timeout: 10_000 });
    const room = onlyRoom(app);
    expect(room.members.map((member) => [member.userId, member.role])).toEqual([
      ['client-zhang', 'audience'],
      ['client-wang', 'audience'],
    ]);
    expect(room.additive).toMatchObject({ title: 'Riverside two-bedroom', vr: '800000000000000001' });
    expect(JSON.stringify(room.additive)).not.toContain('mornings');
    await expect(page.getByText(room.roomCode, { exact: true })).toBeVisible();
    const roomPage = new RoomPage(page);
    await expect(roomPage.listing).toContainText('Client prefers mornings');
    await expect(roomPage.passFor('Mr Zhang')).toBeVisible();
  });

  test('the room page shows details for people, refreshes on demand and by itself, and says when it last updated', async ({ app }) => {
    const { page, sandbox } = app;
    await page.clock.install();
    await openWorkspace(app);
    const code = await createRoom(page, { title: 'City loft' });

    const room = new RoomPage(page);
    const details = room.details;
    // Room status values are undocumented: shown raw; the creation time keeps Realsee's raw text on hover.
    await expect(details).toContainText('Status 0');
    await expect(details.locator('time[data-realsee-time]').first()).toHaveAttribute(
      'title',
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Asia\/Shanghai\)$/,
    );
    await expect(details).toContainText('Not closed');
    await expect(details).toContainText(String(sandbox.rooms.get(code)!.voiceId));
    const limits = room.limits;
    await expect(limits).toContainText('10');
    await expect(limits).toContainText('2 hours');
    await expect(limits).toContainText('5 min');
    await expect(room.participants).toContainText('Nobody has joined yet.');

    const lastUpdated = room.lastUpdated;
    const firstStamp = (await lastUpdated.textContent())!;
    sandbox.rooms.close(code);
    await page.clock.fastForward(3_000);
    await room.refresh.click();
    await expect(details).toContainText('Closed (status 2)');
    await expect(room.closedNote).toBeVisible();
    await expect(lastUpdated).not.toHaveText(firstStamp);

    // While the window is visible the page refreshes itself about every 10 seconds.
    const before = sandbox.stats.count('/open/v1/live/room/detail');
    const secondStamp = (await lastUpdated.textContent())!;
    await page.clock.fastForward(10_500);
    await expect.poll(() => sandbox.stats.count('/open/v1/live/room/detail')).toBeGreaterThan(before);
    await expect(lastUpdated).not.toHaveText(secondStamp);
  });

  test('the rooms list shows the profile’s rooms from the offline history and filters them by code, title or address', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    const first = await createRoom(page, { title: 'Riverside two-bedroom', address: 'Binjiang Road' });
    await createRoom(page, { title: 'Garden townhouse', address: 'Hongqiao' });
    await createRoom(page, { title: 'City loft', address: 'Jing’an' });

    const rooms = new RoomsPage(page);
    await rooms.open();
    const list = rooms.list;
    await expect(rooms.rows()).toHaveCount(3);
    // Newest first.
    await expect(list.getByRole('listitem').first()).toContainText('City loft');

    const search = rooms.search;
    await search.fill('garden');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Garden townhouse');
    await search.fill('binjiang');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Riverside');
    await search.fill(first.slice(0, 8));
    await expect(list.getByRole('listitem')).toContainText([first]);
    await search.fill('no such home');
    await expect(page.getByText('No room matches “no such home”.')).toBeVisible();
    await search.press('Escape');
    await expect(list.getByRole('listitem')).toHaveCount(3);

    // The list comes from the offline history: it survives a reload of the window.
    await page.reload();
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await rooms.openRoom(/Garden townhouse/);
    await expect(rooms.heading('Garden townhouse')).toBeVisible();
    await expect(new RoomPage(page).listing).toContainText('Hongqiao');
  });
  test('with Realsee unreachable a room page shows the room as last saved, and History lists the saved rooms', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    const code = await createRoom(page, { title: 'Riverside two-bedroom', address: 'Binjiang Road' });
    const history = new HistoryPage(page);
    await history.open();
    await expect(history.navButton('History')).toHaveAttribute('aria-current', 'page');
    await expect(history.row(code)).toContainText('Riverside two-bedroom');

    const rooms = new RoomsPage(page);
    await rooms.open();
    await app.sandbox.close();
    await rooms.openRoom(/Riverside two-bedroom/);
    await expect(rooms.heading('Riverside two-bedroom')).toBeVisible();
    await expect(history.asOf).toContainText(/^As of .+/, { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 2, name: 'Riverside two-bedroom' })).toBeVisible();
    await expect(page.getByText(/^Realsee is unreachable/)).toBeVisible();
  });
});
