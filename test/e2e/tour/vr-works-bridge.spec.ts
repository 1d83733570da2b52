import { expect, test as harnessTest } from '../support/harness';
import { DEMO_HOMES } from '../../../main/sandbox/demo-vrs';

/** zod's JIT off before the preload runs, as the app's CSP refuses it (see viewer-test.ts). */
const test = harnessTest.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(() => {
      const holder = globalThis as unknown as { __zod_globalConfig?: Record<string, unknown> };
      holder.__zod_globalConfig = { ...(holder.__zod_globalConfig ?? {}), jitless: true };
    });
    await use(page);
  },
});

test.describe('VR works through the bridge', () => {
  test('the app page lists the sandbox VRs with covers and gets a Work for the renderer', async ({ app }) => {
    await app.open();
    const home = DEMO_HOMES[0]!;
    const [list, work] = await app.page.evaluate(
      async (code) => [await window.roomdesk.listVrs({}), await window.roomdesk.getVrWork({ vrCode: code })],
      home.vr_code,
    );
    expect(list.ok && list.value.items.map((item) => item.vrCode)).toEqual(DEMO_HOMES.map((each) => each.vr_code));
    expect(list.ok && list.value.items[0]!.coverUrl).toBe(`${app.sandbox.baseUrl}/vr-assets/${home.vr_code}/cover.png`);
    expect(work.ok).toBe(true);
    if (!work.ok) return;
    expect(work.value).toMatchObject({
      vrCode: home.vr_code,
      name: home.name,
      panoramaCount: home.rooms.length,
      signed: false,
      source: 'current',
      resourceOrigins: [app.sandbox.baseUrl],
    });
    expect((work.value.work.panorama as { list: unknown[] }).list).toHaveLength(home.rooms.length);
  });

  test('a bad code is refused before main, an unknown VR with the gateway text and request id', async ({ app }) => {
    await app.open();
    const [bad, unknown] = await app.page.evaluate(async () => [
      await window.roomdesk.getVrWork({ vrCode: '../800' }),
      await window.roomdesk.getVrWork({ vrCode: '809999999999999999' }),
    ]);
    expect(bad.ok ? 'ok' : bad.error.kind).toBe('validation');
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.error).toMatchObject({
      kind: 'gateway',
      code: -3,
      status: expect.stringMatching(/vr not found/),
      requestId: expect.any(String),
    });
  });
});
