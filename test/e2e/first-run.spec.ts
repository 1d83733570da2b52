import { test, expect } from './workspace';

test.describe('first run', () => {
  test('welcome offers the sandbox, which works at once and is labelled as a demo', async ({ app }) => {
    const { page } = app;
    await app.open();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Roomdesk' })).toBeVisible();
    const switcher = page.getByLabel('Profile');
    await expect(switcher).toHaveValue('sandbox');
    await expect(page.locator('.profile-switcher')).toContainText('Demo');

    await page.getByRole('button', { name: 'Try with the sandbox' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rooms' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No rooms yet' })).toBeVisible();

    // The welcome is a first-run screen only.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Rooms' })).toBeVisible();
  });

  test('connects a Realsee account: inline validation, test connection, save, and the profile becomes active', async ({ app }) => {
    const { page, sandbox } = app;
    await app.open();
    await page.getByRole('button', { name: 'Connect a Realsee account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Connect a Realsee account' })).toBeVisible();

    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Enter the App Key.')).toBeVisible();
    await expect(page.getByText('Enter the App Secret.')).toBeVisible();
    await expect(page.getByLabel('App Key')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Profile name').fill('Demo office');
    await page.getByLabel('Region').selectOption('custom');
    await page.getByLabel('Gateway URL').fill(sandbox.baseUrl);
    await page.getByLabel('App Key').fill(sandbox.demoApp.appKey);
    await expect(page.getByLabel('App Secret')).toHaveAttribute('type', 'password');
    await page.getByLabel('App Secret').fill(sandbox.demoApp.appSecret);
    await page.getByLabel('Your user ID').fill('agent-007');
    await page.getByLabel('Your display name').fill('Li Na');
    await expect(page.getByLabel('Host role name')).toHaveValue('anchor');
    await expect(page.getByLabel('Guest role name')).toHaveValue('audience');

    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible();

    await page.getByRole('button', { name: 'Save and use' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rooms' })).toBeVisible();
    const switcher = page.getByLabel('Profile');
    await expect(switcher.locator('option:checked')).toHaveText('Demo office');
    await expect(page.locator('.profile-switcher')).toContainText(sandbox.baseUrl);
    await expect(page.locator('.profile-switcher')).not.toContainText('Demo gateway');

    // The secret never lands in the renderer's storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(sandbox.demoApp.appSecret);

    // The profile works end to end: a room is created through it.
    await page.getByRole('button', { name: 'New room' }).first().click();
    await expect(page.getByLabel('Agent user ID')).toHaveValue('agent-007');
    await page.getByRole('button', { name: 'Create room' }).click();
    await expect(page.getByText(/^Last updated /)).toBeVisible();
    expect(sandbox.rooms.list()[0]?.createUserId).toBe('agent-007');

    // The switcher in the sidebar changes the active profile; each profile has its own rooms.
    await switcher.selectOption('sandbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Rooms' })).toBeVisible();
    await expect(page.locator('.profile-switcher')).toContainText('Demo gateway');
    await expect(page.getByRole('heading', { name: 'No rooms yet' })).toBeVisible();
    await switcher.selectOption({ label: 'Demo office' });
    await expect(page.getByRole('list', { name: 'Rooms' }).getByRole('listitem')).toHaveCount(1);
  });

  test('a wrong App Secret shows the auth error with what to do and Realsee’s request id', async ({ app }) => {
    const { page, sandbox } = app;
    await app.open();
    await page.getByRole('button', { name: 'Connect a Realsee account' }).click();
    await page.getByLabel('Profile name').fill('Typo');
    await page.getByLabel('Region').selectOption('custom');
    await page.getByLabel('Gateway URL').fill(sandbox.baseUrl);
    await page.getByLabel('App Key').fill(sandbox.demoApp.appKey);
    await page.getByLabel('App Secret').fill('not-the-secret');
    await page.getByLabel('Your user ID').fill('agent-007');
    await page.getByRole('button', { name: 'Test connection' }).click();

    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Realsee refused the credentials' })).toBeVisible();
    await expect(alert).toContainText('Check the App Key and App Secret in Settings.');
    await expect(alert).toContainText('Request ID');
    const requestId = (await alert.locator('dd.mono').textContent())!.trim();
    expect(requestId.length).toBeGreaterThan(5);
    expect(sandbox.stats.count('/auth/access_token')).toBeGreaterThan(0);
    await expect(alert).not.toContainText('not-the-secret');
  });
});
