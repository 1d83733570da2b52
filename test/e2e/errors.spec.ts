import { RoomPage } from './pages/room-page';
import { defaultEndpoints } from '../../common/profile';
import { createRoom, expect, openWorkspace, test } from './workspace';

test.describe('errors from the gateway', () => {
  test('an expired access token is renewed without the agent noticing', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    await createRoom(page, { title: 'Token test' });
    const tokensBefore = sandbox.stats.count(defaultEndpoints.accessToken);

    sandbox.faults.expireAllTokens();
    await page.getByRole('button', { name: 'Join as host' }).click();
    const viewer = page.getByRole('region', { name: 'Room viewer' });
    await expect(viewer).toHaveAttribute('data-viewer-phase', 'showing', { timeout: 20_000 });
    expect(sandbox.stats.count(defaultEndpoints.accessToken)).toBeGreaterThan(tokensBefore);
    await viewer.getByRole('button', { name: '← Back to room page' }).click();
    await expect(viewer).toBeHidden();
    await app.viewer.settled();

    sandbox.faults.inject({ path: defaultEndpoints.roomDetail, tokenExpired: true, times: 1 });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('issuing a pass for a closed room says so clearly, with Realsee’s message, code and request id', async ({ app, context }) => {
    const { page, sandbox } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openWorkspace(app);
    const code = await createRoom(page, { title: 'Closing soon' });
    sandbox.rooms.close(code);

    await page.getByRole('button', { name: 'Guest pass', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Guest pass' });
    await dialog.getByLabel('Guest user ID').fill('client-li');
    await dialog.getByRole('button', { name: 'Issue guest pass' }).click();

    const alert = dialog.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Realsee reported a problem' })).toBeVisible();
    await expect(alert).toContainText('Realsee says');
    await expect(alert).toContainText(/closed/i);
    await expect(alert).toContainText('Code');
    await expect(alert).toContainText('Request ID');
    await alert.getByRole('button', { name: 'Copy details' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^kind: gateway\nmessage: .+/);
    expect(copied).toMatch(/\ncode: -?\d+/);
    expect(copied).toMatch(/\nrequest_id: \S+/);
  });

  test('a 5xx answer shows what to do with the code and request id, and retry recovers', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    const code = await createRoom(page, { title: 'Flaky gateway' });

    const fault = sandbox.faults.inject({ path: defaultEndpoints.roomDetail, httpStatus: 503 });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert).toContainText('Realsee reported a problem');
    await expect(alert).toContainText('HTTP status503');
    await expect(alert).toContainText(/Code-?\d+/);
    await expect(alert).toContainText('Request ID');
    // Details stay on screen from the last good answer.
    await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();

    fault.remove();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(sandbox.rooms.get(code)).toBeDefined();
  });

  test('a slow answer shows progress first, then the result', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    await createRoom(page);

    sandbox.faults.inject({ path: defaultEndpoints.voiceSign, latencyMs: 3_000, times: 1 });
    await new RoomPage(page).getVoiceSignature();
    const progress = page.getByRole('button', { name: 'Getting voice signature…' });
    await expect(progress).toBeVisible();
    await expect(progress).toBeDisabled();
    await expect(page.getByText(/^Voice signature obtained/)).toBeVisible({ timeout: 10_000 });
    await expect(progress).toBeHidden();
  });

  test('a lost answer to room creation says the outcome is unknown and leads to the room list', async ({ app }) => {
    const { page, sandbox } = app;
    await openWorkspace(app);
    await page.keyboard.press('Control+N');
    await page.getByLabel('Listing title').fill('Maybe created');
    sandbox.faults.inject({ path: defaultEndpoints.createRoom, dropAfterProcessing: true, times: 1 });
    await page.getByRole('button', { name: 'Create room' }).click();

    await expect(page.getByRole('heading', { name: 'We don’t know whether the room was created' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Check the room list before trying again', { exact: false }).first()).toBeVisible();
    expect(sandbox.rooms.list()).toHaveLength(1);
    await page.getByRole('button', { name: 'Go to the room list' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rooms' })).toBeVisible();
  });
});
