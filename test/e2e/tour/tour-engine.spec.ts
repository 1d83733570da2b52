import { expect, test, type Page } from '@playwright/test';
import { createGatewayClient } from '../../../main/realsee/client';
import type { VrWork } from '../../../main/realsee/vr-work';
import { DEMO_HOMES, faceColour, type CubeFace, type DemoRoom } from '../../../main/sandbox/demo-vrs';
import { startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';
import type { TourViewState } from '../../../renderer/src/features/tour/engine/index';
import { buildTourFixture, routeTourFixture, scriptSizes, serveTourFixture } from './support/build-tour-fixture';

/**
 * The tour engine (Realsee's Five) in headless Chromium, on a page served from 127.0.0.1, showing a
 * sandbox demo VR whose Work and images come from a running sandbox: the pixels on the canvas
 * must be the generated faces' colours.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const home = DEMO_HOMES[0]!;
const CENTRE = { x: 320, y: 240 } as const;
/** Software WebGL reproduces the flat face colours exactly here; a little slack for other GPUs. */
const TOLERANCE = 6;
const SETTLED = { timeout: 30_000, intervals: [250, 500, 1000] };

let sandbox: SandboxGateway;
let fixture: { url: string; close(): Promise<void> };
let work: VrWork;
let lazyChunk: { file: string; gzip: number };
let builtPage: string;

/** The face Five shows at the centre for a longitude: `back` at 0, `right` at π/2, `front` at π, `left` at 3π/2. */
function faceAt(longitude: number): CubeFace {
  const quarter = Math.round((((longitude % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) / (Math.PI / 2)) % 4;
  return (['back', 'right', 'front', 'left'] as const)[quarter]!;
}

function near(actual: readonly number[] | null, expected: readonly number[]): boolean {
  return actual !== null && actual.every((value, index) => Math.abs(value - expected[index]!) <= TOLERANCE);
}

const tour = {
  load: (page: Page, body: Record<string, unknown>) => page.evaluate((w) => (window as any).tourTest.load(w), body),
  setState: (page: Page, state: Partial<TourViewState>, animate: boolean) =>
    page.evaluate(([s, a]) => (window as any).tourTest.setState(s, a), [state, animate] as const),
  state: (page: Page): Promise<TourViewState | null> => page.evaluate(() => (window as any).tourTest.getState()),
  userStates: (page: Page): Promise<TourViewState[]> => page.evaluate(() => (window as any).tourTest.userStates()),
  colourAt: (page: Page, x = CENTRE.x, y = CENTRE.y): Promise<[number, number, number] | null> =>
    page.evaluate(([px, py]) => (window as any).tourTest.colourAt(px, py), [x, y] as const),
};

async function expectCentreColour(page: Page, room: DemoRoom, face: CubeFace): Promise<void> {
  const expected = faceColour(room, face);
  await expect
    .poll(async () => {
      const colour = await tour.colourAt(page);
      return near(colour, expected) ? 'shown' : `${JSON.stringify(colour)} instead of ${room.name} ${face} ${JSON.stringify(expected)}`;
    }, SETTLED)
    .toBe('shown');
}

async function openTour(page: Page): Promise<void> {
  await page.goto(fixture.url);
  expect(await tour.load(page, work.work)).toEqual({ ok: true });
}

test.beforeAll(async () => {
  const outDir = await buildTourFixture();
  builtPage = outDir;
  const scripts = await scriptSizes(outDir);
  const five = scripts.find((script) => script.text.includes('poweredByRealsee'));
  const entry = scripts.find((script) => script.text.includes('tourTest'));
  expect(five, 'Five is in the build').toBeDefined();
  expect(entry?.file, 'Five is a chunk of its own').not.toBe(five!.file);
  lazyChunk = { file: five!.file, gzip: five!.gzip };
  expect(entry!.gzip).toBeLessThan(10_000);
  sandbox = await startSandboxGateway();
  fixture = await serveTourFixture(outDir);
  const client = createGatewayClient({ baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: { host: 'anchor', guest: 'audience' } });
  work = await client.getVrWork(home.vr_code, 'current');
});

test.afterAll(async () => {
  await fixture?.close();
  await sandbox?.close();
});

test('Five is fetched only when a tour opens, as a chunk of its own', async ({ page }, testInfo) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(fixture.url);
  await page.waitForLoadState('networkidle');
  expect(scripts.some((path) => path.endsWith(lazyChunk.file))).toBe(false);
  await tour.load(page, work.work);
  expect(scripts.some((path) => path.endsWith(lazyChunk.file))).toBe(true);
  testInfo.annotations.push({ type: 'lazy chunk', description: `${lazyChunk.file}: ${Math.round(lazyChunk.gzip / 1024)} KiB gzip` });
});

test('shows the opening panorama, then the face and the panorama a new state asks for', async ({ page }) => {
  await openTour(page);
  const [living, kitchen] = home.rooms;
  await expectCentreColour(page, living!, 'front');
  expect(await tour.state(page)).toMatchObject({ panoIndex: 0, workCode: home.vr_code, mode: 'Panorama' });

  await tour.setState(page, { longitude: Math.PI / 2 }, false);
  await expectCentreColour(page, living!, 'right');
  await tour.setState(page, { longitude: 0 }, false);
  await expectCentreColour(page, living!, 'back');

  // As a follower applies a keyframe: animated, to another panorama.
  await tour.setState(page, { panoIndex: 1, longitude: Math.PI, latitude: 0 }, true);
  await expectCentreColour(page, kitchen!, 'front');
  await expect.poll(async () => (await tour.state(page))?.panoIndex, SETTLED).toBe(1);

  // Nothing above was the user's doing.
  expect(await tour.userStates(page)).toEqual([]);
});

test('ignores state fields it cannot apply', async ({ page }) => {
  await openTour(page);
  await expectCentreColour(page, home.rooms[0]!, 'front');
  await tour.setState(page, { longitude: Number.NaN, panoIndex: -1, mode: 'Nonsense', fov: 1e9 } as Partial<TourViewState>, false);
  await page.waitForTimeout(500);
  expect(await tour.state(page)).toMatchObject({ panoIndex: 0, mode: 'Panorama', longitude: Math.PI, fov: 90 });
  await expectCentreColour(page, home.rooms[0]!, 'front');
});

test("reports the user's drag as state changes, and the canvas follows them", async ({ page }) => {
  await openTour(page);
  const living = home.rooms[0]!;
  await expectCentreColour(page, living, 'front');
  await page.mouse.move(CENTRE.x, CENTRE.y);
  await page.mouse.down();
  await page.mouse.move(CENTRE.x + 300, CENTRE.y, { steps: 15 });
  await page.mouse.up();

  await expect.poll(async () => (await tour.userStates(page)).length, SETTLED).toBeGreaterThan(0);
  // Let any glide after the release finish, then compare the last report with the view.
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify((await tour.userStates(page)).at(-1));
      const settled = now === last;
      last = now;
      return settled;
    }, SETTLED)
    .toBe(true);
  const reported = (await tour.userStates(page)).at(-1)!;
  expect(reported.panoIndex).toBe(0);
  expect(Math.abs(reported.longitude - Math.PI)).toBeGreaterThan(0.3);
  expect((await tour.state(page))?.longitude).toBeCloseTo(reported.longitude, 5);
  const face = faceAt(reported.longitude);
  expect(face).not.toBe('front');
  await expectCentreColour(page, living, face);
});

test('says why when the renderer cannot be fetched, or the Work cannot be shown', async ({ page }) => {
  await page.route(`**/assets/${lazyChunk.file}`, (route) => route.abort('connectionrefused'));
  await page.goto(fixture.url);
  expect(await tour.load(page, work.work)).toMatchObject({ ok: false, reason: 'unavailable' });

  await page.unroute(`**/assets/${lazyChunk.file}`);
  await page.goto(fixture.url);
  expect(await tour.load(page, { work_code: 'x', panorama: 'not a list', observers: 7 })).toMatchObject({
    ok: false,
    reason: 'load-failed',
  });
});

test('dispose removes the canvas and stops reporting', async ({ page }) => {
  await openTour(page);
  await expectCentreColour(page, home.rooms[0]!, 'front');
  expect(await page.evaluate(() => (window as any).tourTest.canvasesInView())).toBe(1);
  await page.evaluate(() => (window as any).tourTest.dispose());
  expect(await page.evaluate(() => (window as any).tourTest.canvasesInView())).toBe(0);
  expect(await tour.state(page)).toBeNull();
});

test('an unsigned Work renders on localhost and IP pages only, as Five allows', async ({ page }) => {
  // A real loopback server: Chromium lets only pages on local addresses fetch the sandbox's images.
  await page.goto(fixture.url.replace('//127.0.0.1:', '//localhost:'));
  expect(await tour.load(page, work.work)).toEqual({ ok: true });
  await expectCentreColour(page, home.rooms[0]!, 'front');

  // A page on any other host (an app:// protocol page too) needs a signed Work allowed there.
  // (Served by interception here, so Chromium sees no address for it.)
  await page.goto(await routeTourFixture(page, 'http://tour.roomdesk.test', builtPage));
  expect(await tour.load(page, work.work)).toMatchObject({
    ok: false,
    reason: 'not-allowed-here',
    cause: expect.stringMatching(/Invalid certificate/),
  });
  expect(await tour.state(page)).toBeNull();
});

test("renders under a content security policy limited to the Work's resource origins", async ({ page }) => {
  const origins = work.resourceOrigins.join(' ');
  const csp = [
    "default-src 'none'",
    // Five compiles a WebAssembly mesh decoder when it starts (used for compressed models).
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `img-src blob: data: ${origins}`,
    `connect-src ${origins}`,
  ].join('; ');
  const strict = await serveTourFixture(builtPage, { csp });
  try {
    await page.goto(strict.url);
    expect(await tour.load(page, work.work)).toEqual({ ok: true });
    await expectCentreColour(page, home.rooms[0]!, 'front');
    // The one refusal left is a bundled protobuf.js probing for Node's `require` with eval; it
    // catches the refusal and goes on. Nothing else may be refused.
    const violations: string[] = await page.evaluate(() => (window as any).tourTest.violations());
    expect(violations.filter((violation) => !violation.startsWith('script-src eval '))).toEqual([]);
  } finally {
    await strict.close();
  }
});
