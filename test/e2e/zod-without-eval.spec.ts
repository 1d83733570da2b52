import { test, expect } from './workspace';

// In the app the preload and the page are separate worlds, each with its own zod. Here the preload
// runs in the page and sets jitless there first; that setting is dropped before the page's own code
// runs, so what is measured is the renderer's own jitless module.
test('the renderer builds no function with eval while loading and on its first validation', async ({ app }) => {
  const { page } = app;
  await page.addInitScript(() => {
    delete (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig;
    const seen = { constructions: 0, evalViolations: 0 };
    (globalThis as unknown as { __evalSeen: typeof seen }).__evalSeen = seen;
    const Original = Function;
    globalThis.Function = new Proxy(Original, {
      construct(target, args) {
        seen.constructions += 1;
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args) {
        seen.constructions += 1;
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    document.addEventListener('securitypolicyviolation', (event) => {
      if (event.blockedURI === 'eval') seen.evalViolations += 1;
    });
  });
  await app.open();
  // The first validation: the profile form checks an empty draft with its zod schema.
  await page.getByRole('button', { name: 'Connect a Realsee account' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Enter the App Key.')).toBeVisible();

  const seen = await page.evaluate(() => ({
    ...(globalThis as unknown as { __evalSeen: { constructions: number; evalViolations: number } }).__evalSeen,
    jitless: (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless ?? null,
  }));
  expect(seen).toEqual({ constructions: 0, evalViolations: 0, jitless: true });
});
