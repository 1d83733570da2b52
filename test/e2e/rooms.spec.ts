import { createRoom, expect, onlyRoom, openWorkspace, test } from './workspace';

test.describe('rooms', () => {
  test('a new room with guests and a listing: agent prefilled, inline validation, progress, then its page', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    await page.keyboard.press('Control+N');
    await expect(page.getByRole('heading', { level: 1, name: 'New viewing room' })).toBeVisible();
    await expect(page.getByLabel('Agent user ID')).toHaveValue(/.+/);
    await expect(page.getByLabel('Host role')).toHaveValue('anchor');

    await page.getByRole('button', { name: 'Add guest' }).click();
    await page.getByRole('button', { name: 'Add guest' }).click();
    await page.getByRole('button', { name: 'Add guest' }).click();
    await expect(page.getByLabel('Guest 1 role')).toHaveValue('audience');
    await page.getByLabel('Guest 1 user ID').fill('client-zhang');
    await page.getByLabel('Guest 1 nickname').fill('Mr Zhang');
    await page.getByLabel('Guest 2 user ID').fill('client-zhang');
    await page.getByLabel('VR link or code').fill('12345');
    await page.getByRole('button', { name: 'Create room' }).click();

    await expect(page.getByText('Each guest needs a different user ID.')).toBeVisible();
    await expect(page.getByText('Enter the guest’s user ID.')).toBeVisible();
    await expect(page.getByText('Enter an 18-character code starting with 80, or an https link.')).toBeVisible();
    expect(sandbox.rooms.list()).toHaveLength(0);

    await page.getByRole('button', { name: 'Remove guest 3' }).click();
    await page.getByLabel('Guest 2 user ID').fill('client-wang');
    await page.getByLabel('Guest 2 nickname').fill('Ms Wang');
    await page.getByLabel('Listing title').fill('Riverside two-bedroom');
    await page.getByLabel('Address').fill('88 Binjiang Road, Shanghai');
    await page.getByLabel('VR link or code').fill('800000000000000001');
    await page.getByLabel('Private notes').fill('Client prefers mornings');

    sandbox.faults.inject({ path: '/open/v1/live/entrance', latencyMs: 1500, times: 1 });
    await page.getByRole('button', { name: 'Create room' }).click();
    const creating = page.getByRole('button', { name: 'Creating room…' });
    await expect(creating).toBeVisible();
    await expect(creating).toBeDisabled();

    await expect(page.getByRole('heading', { level: 1, name: 'Riverside two-bedroom' })).toBeVisible({ timeout: 10_000 });
    const room = onlyRoom(app);
    expect(room.members.map((member) => [member.userId, member.role])).toEqual([
      ['client-zhang', 'audience'],
      ['client-wang', 'audience'],
    ]);
    expect(room.additive).toMatchObject({ title: 'Riverside two-bedroom', vr: '800000000000000001' });
    expect(JSON.stringify(room.additive)).not.toContain('mornings');
    await expect(page.getByText(room.roomCode, { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Listing' })).toContainText('Client prefers mornings');
    await expect(page.getByRole('button', { name: 'Guest pass for Mr Zhang' })).toBeVisible();
  });

  test('the room page shows details for people, refreshes on demand and by itself, and says when it last updated', async ({ app }) => {
    const { page, sandbox } = app;
    await page.clock.install();
    await openWorkspace(app);
    const code = await createRoom(page, { title: 'City loft' });

    const details = page.getByRole('region', { name: 'Details' });
    await expect(details).toContainText('Waiting');
    await expect(details).toContainText('Not closed');
    await expect(details).toContainText(String(sandbox.rooms.get(code)!.voiceId));
    const limits = page.getByRole('region', { name: 'Limits' });
    await expect(limits).toContainText('10');
    await expect(limits).toContainText('2 hours');
    await expect(limits).toContainText('5 min');
    await expect(page.getByRole('region', { name: 'Participants' })).toContainText('Nobody has joined yet.');

    const lastUpdated = page.getByText(/^Last updated \d\d:\d\d:\d\d$/);
    const firstStamp = (await lastUpdated.textContent())!;
    sandbox.rooms.close(code);
    await page.clock.fastForward(3_000);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(details).toContainText('Closed');
    await expect(page.getByText('This room is closed.', { exact: false })).toBeVisible();
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

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Rooms' }).click();
    const list = page.getByRole('list', { name: 'Rooms' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    // Newest first.
    await expect(list.getByRole('listitem').first()).toContainText('City loft');

    const search = page.getByRole('searchbox', { name: 'Search rooms' });
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
    await list.getByRole('button', { name: /Garden townhouse/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Garden townhouse' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Listing' })).toContainText('Hongqiao');
  });
  test('with Realsee unreachable a room page shows the room as last saved, and History lists the saved rooms', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    const code = await createRoom(page, { title: 'Riverside two-bedroom', address: 'Binjiang Road' });
    const nav = page.getByRole('navigation', { name: 'Main' });

    await nav.getByRole('button', { name: 'History' }).click();
    await expect(nav.getByRole('button', { name: 'History' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('listbox', { name: 'Saved rooms' }).locator(`[data-room-code="${code}"]`)).toContainText('Riverside two-bedroom');

    await nav.getByRole('button', { name: 'Rooms' }).click();
    await app.sandbox.close();
    await page.getByRole('list', { name: 'Rooms' }).getByRole('button', { name: /Riverside two-bedroom/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Riverside two-bedroom' })).toBeVisible();
    await expect(page.locator('[data-as-of]')).toContainText(/^As of .+/, { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 2, name: 'Riverside two-bedroom' })).toBeVisible();
    await expect(page.getByText(/^Realsee is unreachable/)).toBeVisible();
  });
});
