import { HistoryPage } from './pages/history-page';
import { NewRoomPage } from './pages/new-room-page';
import { RoomPage } from './pages/room-page';
import { RoomsPage } from './pages/rooms-page';
import { SettingsPage } from './pages/settings-page';
import type { HarnessApp } from './support/harness';
import { createRoom, expect, openWorkspace, test } from './workspace';

/** Opens Settings and fills a new profile for the sandbox under a custom gateway URL, not yet tested or saved. */
async function startCustomProfile(app: HarnessApp, fields: { name: string; appSecret: string; userId: string }) {
  const { page, sandbox } = app;
  await openWorkspace(app);
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.addProfile.click();
  const form = settings.form;
  await form.name.fill(fields.name);
  await form.region.selectOption('custom');
  await form.customBaseUrl.fill(sandbox.baseUrl);
  await form.appKey.fill(sandbox.demoApp.appKey);
  await form.appSecret.fill(fields.appSecret);
  await form.userId.fill(fields.userId);
  return { settings, form };
}

/** What a new user ran into on a first walk through the app, one check per problem found. */
test.describe('walkthrough defects', () => {
  test('new room: no summary while typing, focus on the first problem after a failed submit, into a new guest row, past read-only fields', async ({
    app,
  }) => {
    const { page } = app;
    await openWorkspace(app);
    const form = new NewRoomPage(page);
    await form.open();
    await expect(form.heading1).toBeVisible();

    // Read-only fields are shown, not tab stops.
    await expect(form.agentId).toHaveAttribute('tabindex', '-1');
    await expect(form.hostRole).toHaveAttribute('tabindex', '-1');

    // "Add guest" puts the agent in the new row.
    await form.addGuest.click();
    await expect(form.guestUserId(1)).toBeFocused();
    await form.addGuest.click();
    await expect(form.guestUserId(2)).toBeFocused();

    // Typing before any submit shows no "fields need your attention".
    await form.guestUserId(1).fill('client-a');
    await form.guestNickname(1).fill('A');
    await expect(form.summary).toHaveCount(0);

    // A failed submit moves focus from the button to the first invalid field.
    await form.create.click();
    await expect(form.summary).toBeVisible();
    await expect(form.guestUserId(2)).toBeFocused();

    // Fixing the row that had the error clears the summary; the row's emptied entry does not count.
    await form.guestUserId(2).fill('client-b');
    await expect(form.summary).toHaveCount(0);
    await form.guestNickname(1).fill('Ann');
    await expect(form.summary).toHaveCount(0);
  });

  test('guest pass: Enter in the dialog does not close it, and Escape returns focus to the button that opened it', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    await createRoom(page, { title: 'Pass check' });
    const room = new RoomPage(page);
    await room.guestPass.click();
    const pass = room.passDialog;
    await expect(pass.dialog).toBeVisible();
    await expect(pass.userId).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(pass.dialog).toBeVisible();
    await expect(pass.dialog.getByText('Enter the guest’s user ID.')).toBeVisible();
    await expect(pass.userId).toBeFocused();
    await pass.userId.fill('walk-in');
    await page.keyboard.press('Enter');
    await expect(pass.invitation('walk-in')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(pass.dialog).toBeHidden();
    await expect(room.guestPass).toBeFocused();
  });

  test('a closed room offers neither Join nor Guest pass', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    const code = await createRoom(page, { title: 'Closing soon', guests: [{ userId: 'client-z', nickname: 'Zed' }] });
    const room = new RoomPage(page);
    await expect(room.joinAsHost).toBeVisible();
    await expect(room.passFor('Zed')).toBeVisible();
    sandbox.rooms.close(code);
    await room.refresh.click();
    await expect(room.closedNote).toBeVisible();
    await expect(room.joinAsHost).toHaveCount(0);
    await expect(room.guestPass).toHaveCount(0);
    await expect(room.passFor('Zed')).toHaveCount(0);
  });

  test('"1 room", and history gives limits in the room page’s units', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    await createRoom(page, { title: 'Only room' });
    const room = new RoomPage(page);
    await expect(room.limits).toContainText('2 hours');

    const rooms = new RoomsPage(page);
    await rooms.open();
    await expect(rooms.rows()).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: /^1 room · / })).toBeVisible();

    const history = new HistoryPage(page);
    await history.open();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /rooms?$/ })
        .first(),
    ).toHaveText('1 room');
    await history.list.getByRole('option').first().click();
    const saved = page.locator('.rd-room');
    await expect(saved).toContainText('2 hours');
    await expect(saved).not.toContainText('7200');
  });

  test('export dialog: each radio button is small and sits beside its label', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    await createRoom(page, { title: 'Export me' });
    const history = new HistoryPage(page);
    await history.open();
    await history.exportButton.click();
    await expect(history.exportDialog).toBeVisible();
    const radios = history.exportDialog.getByRole('radio');
    await expect(radios).toHaveCount(4);
    for (const radio of await radios.all()) {
      const box = (await radio.boundingBox())!;
      const label = (await radio.locator('xpath=..').boundingBox())!;
      expect(box.width).toBeLessThan(24);
      expect(box.height).toBeLessThan(24);
      // Beside, not above: the radio's middle is within its label's line, and the label runs on to its right.
      expect(Math.abs(box.y + box.height / 2 - (label.y + label.height / 2))).toBeLessThan(6);
      expect(label.height).toBeLessThan(40);
      expect(label.x + label.width).toBeGreaterThan(box.x + box.width + 20);
    }
  });

  test('a profile whose connection test failed is saved only after the agent confirms', async ({ app }) => {
    const { page } = app;
    const { settings, form } = await startCustomProfile(app, { name: 'Typo office', appSecret: 'not-the-secret', userId: 'agent-9' });
    await form.test.click();
    await expect(page.getByRole('alert').getByRole('heading', { name: 'Realsee refused the credentials' })).toBeVisible();

    const before = (await app.services.profiles.list()).length;
    await form.save.click();
    const confirm = page.getByRole('dialog', { name: 'The connection test failed' });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Keep editing' }).click();
    await expect(confirm).toBeHidden();
    expect((await app.services.profiles.list()).length).toBe(before);

    await form.save.click();
    await page.getByRole('dialog', { name: 'The connection test failed' }).getByRole('button', { name: 'Save anyway' }).click();
    await expect(settings.profileItem('Typo office')).toBeVisible();
    expect((await app.services.profiles.list()).length).toBe(before + 1);
  });

  test('a profile keeps its Realsee time zone, and a changed gateway asks for the App Secret again', async ({ app }) => {
    const { page, sandbox } = app;
    const { settings, form } = await startCustomProfile(app, {
      name: 'Berlin office',
      appSecret: sandbox.demoApp.appSecret,
      userId: 'agent-7',
    });
    await form.advanced.click();
    await expect(form.timeZone).toHaveValue('Asia/Shanghai');
    await form.timeZone.fill('Mars/Olympus');
    await form.save.click();
    await expect(page.getByText('Enter a time zone name such as Asia/Shanghai or Europe/Berlin.')).toBeVisible();
    await form.timeZone.fill('Europe/Berlin');
    await form.save.click();
    await expect(settings.profileItem('Berlin office')).toBeVisible();
    const saved = (await app.services.profiles.list()).find((profile) => profile.name === 'Berlin office');
    expect(saved?.timeZone).toBe('Europe/Berlin');

    await settings.editProfile('Berlin office').click();
    await expect(form.appSecret).toHaveAttribute('placeholder', 'Leave empty to keep the stored secret');
    await form.region.selectOption('global');
    await expect(page.getByText('The gateway changed: type the App Secret again.', { exact: false })).toBeVisible();
    await expect(form.appSecret).not.toHaveAttribute('placeholder', 'Leave empty to keep the stored secret');
  });

  test('at 1024 px the voice controls stay inside their card', async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await openWorkspace(app);
    await createRoom(page, { title: 'Narrow window' });
    const card = page.locator('.actions-card');
    await expect(card.getByRole('region', { name: 'Voice' })).toBeVisible();
    const overflow = await card.evaluate((element) => {
      const right = element.getBoundingClientRect().right;
      return [...element.querySelectorAll('*')]
        .filter((child) => child.getBoundingClientRect().width > 0 && child.getBoundingClientRect().right > right + 0.5)
        .map((child) => child.outerHTML.slice(0, 80));
    });
    expect(overflow).toEqual([]);
  });

  test('a name with bidi controls is shown isolated and without them', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    // U+202E (right-to-left override) would show "Annexe.jpg" for "Ann\u202Egpj.exe".
    await createRoom(page, { title: 'Bidi check', guests: [{ userId: 'client-b', nickname: 'Ann\u202Egpj.exe' }] });
    const room = new RoomPage(page);
    const name = room.listing.locator('bdi');
    await expect(name).toHaveText('Anngpj.exe');
    expect(await room.listing.evaluate((element) => /[\u202A-\u202E\u2066-\u2069]/.test(element.textContent ?? ''))).toBe(false);
  });
});
