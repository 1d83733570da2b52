import { RoomPage } from './pages/room-page';
import { createRoom, expect, openWorkspace, test } from './workspace';

// These flows open the sandbox's http room page in the viewer (the real service returns a ws link).
test.use({ sandboxRoomLinks: 'page' });

test.describe('joining a room', () => {
  test('join as host opens the room in the built-in viewer, hides it under a dialog, and never shows the ticket', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    await createRoom(page, { title: 'Riverside two-bedroom' });

    await page.getByRole('button', { name: 'Join as host' }).click();
    const viewer = page.getByRole('region', { name: 'Room viewer' });
    await expect(viewer).toHaveAttribute('data-viewer-phase', 'showing', { timeout: 20_000 });
    await expect(viewer.getByRole('region', { name: `Room page from ${new URL(sandbox.baseUrl).host}` })).toBeVisible();
    const roomPage = app.viewer.current()!;
    await expect(roomPage.locator('[data-room-self]')).toContainText('(anchor)');
    await expect.poll(() => app.viewer.visible).toBe(true);

    const ticket = new URL(roomPage.url()).searchParams.get('ticket');
    expect(ticket).toBeTruthy();
    const html = await page.content();
    expect(html).not.toMatch(/ticket=/i);
    expect(html).not.toContain(ticket);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/ticket/i);

    // A dialog over the page hides the native room page while it is open.
    await page.getByRole('button', { name: 'Guest pass', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Guest pass' });
    await expect(dialog).toBeVisible();
    await expect.poll(() => app.viewer.visible).toBe(false);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    // Reaching the Guest pass button scrolled the room page up; the viewer shows again once back in sight.
    await viewer.scrollIntoViewIfNeeded();
    await expect.poll(() => app.viewer.visible).toBe(true);

    // So does any other dialog, such as the keyboard shortcuts help.
    await page.keyboard.press('Shift+?');
    await expect(page.getByRole('dialog', { name: /keyboard shortcuts/i })).toBeVisible();
    await expect.poll(() => app.viewer.visible).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => app.viewer.visible).toBe(true);

    // Back to the room page closes the viewer.
    await viewer.getByRole('button', { name: '← Back to room page' }).click();
    await expect(viewer).toBeHidden();
    await expect.poll(() => app.viewer.visible).toBe(false);
    await app.viewer.settled();
  });

  test('a guest pass gives a link, a QR code and ready-to-send text, copies them, and shows its expiry', async ({ app, context }) => {
    const { page } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.install();
    await openWorkspace(app);
    await createRoom(page, { title: 'Garden townhouse', guests: [{ userId: 'client-zhang', nickname: 'Mr Zhang' }] });

    await page.getByRole('button', { name: 'Guest pass for Mr Zhang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Guest pass' });
    await expect(dialog.getByLabel('Guest user ID')).toHaveValue('client-zhang');
    await expect(dialog.getByLabel('Guest role')).toHaveValue('audience');
    await dialog.getByRole('button', { name: 'Issue guest pass' }).click();

    const invite = dialog.getByRole('region', { name: 'Invitation for Mr Zhang' });
    await expect(invite).toBeVisible();
    const link = await invite.getByLabel('Invite link').inputValue();
    expect(link).toContain('ticket=');
    await expect(invite.getByRole('img', { name: 'QR code of the invite link' })).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(invite).toContainText('Single use');
    await expect(invite).toContainText(/Valid for 4:5\d \(5 min\)/);
    await expect(invite.getByLabel('Invite text', { exact: true })).toHaveValue(
      /Hi Mr Zhang, here is your link to our VR viewing of Garden townhouse/,
    );

    await invite.getByRole('button', { name: 'Copy link' }).click();
    await expect(invite.getByRole('button', { name: /Copied/ })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    await invite.getByLabel('Invite text language').selectOption('both');
    await expect(invite.getByLabel('Invite text', { exact: true })).toHaveValue(/Mr Zhang您好[\s\S]*Hi Mr Zhang/);
    await invite.getByRole('button', { name: 'Copy invite text' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('VR 带看链接');

    // The link lives in the dialog only: never in storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain('ticket');

    await page.clock.fastForward('05:01');
    await expect(invite).toContainText('This pass has expired');
    await expect(invite.getByRole('button', { name: 'Copy link' })).toBeDisabled();
    await invite.getByRole('button', { name: 'Issue a new pass' }).click();
    await expect(dialog.getByRole('region', { name: 'Invitation for Mr Zhang' })).toContainText(/Valid for 4:5\d/);
    const newLink = await dialog.getByLabel('Invite link').inputValue();
    expect(newLink).not.toBe(link);

    // Esc closes the dialog and forgets the link.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await page.content()).not.toContain('ticket=');
  });

  test('a guest pass for someone not pre-registered uses the profile’s guest role by default', async ({ app }) => {
    const { page } = app;
    await openWorkspace(app);
    await createRoom(page);
    await page.getByRole('button', { name: 'Guest pass', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Guest pass' });
    await dialog.getByRole('button', { name: 'Issue guest pass' }).click();
    await expect(dialog.getByText('Enter the guest’s user ID.')).toBeVisible();
    await expect(dialog.getByLabel('Guest role')).toHaveValue('audience');
    await dialog.getByLabel('Guest user ID').fill('walk-in-01');
    await dialog.getByRole('button', { name: 'Issue guest pass' }).click();
    await expect(dialog.getByRole('region', { name: 'Invitation for walk-in-01' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('get voice signature says for whom, which voice room and until when, never the signature', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    const code = await createRoom(page);
    const voiceId = sandbox.rooms.get(code)!.voiceId;

    await new RoomPage(page).getVoiceSignature();
    const status = page.getByRole('status').filter({ hasText: 'Voice signature obtained' });
    await expect(status).toContainText(
      new RegExp(`Voice signature obtained for .+ in voice room ${voiceId}, valid until \\d\\d:\\d\\d\\.`),
    );
    await expect(page.locator('body')).not.toContainText(/sign["=:]/i);
  });
});
