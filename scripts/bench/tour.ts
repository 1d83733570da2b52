// The agent's tour: (1) keyframe latency through the tour relay on loopback, both ways: the tour page's
// keyframe (main's tour page dispatcher → main's live channel → sandbox) to a follower's socket, and a
// guest's keyframe back through main to the tour page's event; baseline a raw ws echo round in the
// same run. (2) Tour open time in Chromium, from the click on "Start tour" to the first frame the tour
// page draws with the VR, as a ratio to the app page's own load (navigation to the first screen).
import { chromium, type Browser, type Page } from '@playwright/test';
import Conf from 'conf';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { methodNames, type MethodName, type TourPageEventName } from '../../common/contract/index';
import { guestSocketUrl, parseGuestLink } from '../../common/guest-link';
import { FIVE_STATE_KEY, type LiveEvent } from '../../common/live-protocol';
import { createAppServices, type AppServices } from '../../main/app-services';
import { createBridgeDispatcher } from '../../main/bridge/dispatch';
import { createBridgeHandlers } from '../../main/bridge/handlers';
import { createLogger, SecretRegistry } from '../../main/logging/logger';
import { DEMO_HOMES } from '../../main/sandbox/demo-vrs';
import { startSandboxGateway, type SandboxGateway } from '../../main/sandbox/index';
import { appVoicePolicy, contentSecurityPolicy } from '../../main/shell/content-security-policy';
import type { TourHostFactory } from '../../main/tour/tour-host';
import { createLiveChannelClient, wsSocketFactory } from '../../main/viewer/index';
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium';
import { preloadShimScript } from '../../test/e2e/support/preload-shim';
import { serveDirectory } from '../../test/e2e/support/static-server';
import { NewRoomPage } from '../../test/e2e/pages/new-room-page';
import { pageTourHost } from '../../test/e2e/tour/support/page-tour-host';
import { percentile, rawEchoRounds } from './guided-sync';

const WARM_UP = 30;
const MEASURED = 300;
const OPENS = 3;
const projectRoot = resolve(import.meta.dirname, '../..');
const VR_CODE = DEMO_HOMES[0]!.vr_code;
const BINDING = '__benchInvoke';
const channels = new Map<string, MethodName>(methodNames.map((m) => [`roomdesk:${m}`, m]));
const built = ['out/renderer/index.html', 'out/preload/index.cjs', 'out/guest/tour.html', 'out/tour-preload/index.cjs'];

export default {
  title: 'Tour',
  async run(): Promise<void> {
    await keyframeRelay();
    await tourOpenTime();
  },
};

/** Main's services over a fresh sandbox, with an in-memory keychain (the sandbox profile needs no secret). */
async function startServices(options: { tourHost?: TourHostFactory; emit?: Parameters<typeof createAppServices>[0]['emit'] } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'roomdesk-bench-tour-'));
  const sandbox: SandboxGateway = await startSandboxGateway({
    guestPageDir: join(projectRoot, 'out/guest'),
    rateLimits: { perAppKeyPerMinute: 1_000_000, perIpPerMinute: 1_000_000 },
  });
  const secrets = new SecretRegistry();
  const logger = createLogger(() => undefined, secrets);
  const services: AppServices = await createAppServices({
    dataDir,
    profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-bench' }),
    vault: { get: async () => null, set: async () => undefined, delete: async () => false },
    sandbox,
    logger,
    secrets,
    appVersion: 'bench',
    platform: process.platform,
    chooseExportPath: async () => null,
    emit: options.emit ?? (() => undefined),
    tourPageDir: join(projectRoot, 'out/guest'),
    ...(options.tourHost ? { tourHost: options.tourHost } : {}),
  });
  return {
    services,
    sandbox,
    logger,
    async close() {
      await services.dispose();
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function keyframeRelay(): Promise<void> {
  type PageListener = (event: TourPageEventName, payload: unknown) => void;
  let toPage: PageListener = () => undefined;
  let loaded: (() => void) | null = null;
  const host: TourHostFactory = () => ({
    load: () => loaded?.(),
    setBounds: () => undefined,
    setVisible: () => undefined,
    send: (event, payload) => toPage(event, payload),
    close: () => undefined,
  });
  const main = await startServices({ tourHost: host });
  const { services } = main;
  let follower: ReturnType<typeof createLiveChannelClient> | null = null;
  try {
    const room = await services.rooms.createRoom({ guests: [], listing: { title: 'Bench tour', vr: VR_CODE } });
    const pageLoaded = new Promise<void>((resolve) => (loaded = resolve));
    services.tour.open(room.roomCode, { x: 0, y: 0, width: 800, height: 600 });
    await pageLoaded;
    const ready = await services.tourPage('ready', undefined, { trusted: true });
    if (!ready.ok) throw new Error(`the tour page was not answered: ${ready.error.message}`);

    const pass = await services.rooms.issueGuestPass({ roomCode: room.roomCode, guest: { userId: 'bench-guest', role: 'audience' } });
    const link = parseGuestLink(new URL(pass.inviteUrl).hash);
    if (!link.ok) throw new Error('the guest pass could not be read');
    let onFollowerEvent: (event: LiveEvent) => void = () => undefined;
    follower = createLiveChannelClient({
      roomCode: room.roomCode,
      ticketLink: async () => guestSocketUrl(link.link),
      checkRoom: async () => 'open',
      socketFactory: wsSocketFactory,
      onPresence: () => undefined,
      onEvent: (event) => onFollowerEvent(event),
    });
    follower.connect();
    await until(() => follower!.presence().connection === 'connected' && services.live.presence(room.roomCode)?.connection === 'connected');

    const out: number[] = [];
    for (let index = 0; index < WARM_UP + MEASURED; index++) {
      const longitude = index / 100;
      const arrived = waitFor<void>((resolve) => {
        onFollowerEvent = (event) => {
          if (event.type === 'KEYFRAME_SYNC' && (event.frames[FIVE_STATE_KEY] as { longitude?: number })?.longitude === longitude)
            resolve();
        };
      });
      const started = performance.now();
      const sent = await services.tourPage('sendKeyframe', { frames: { [FIVE_STATE_KEY]: { longitude } } }, { trusted: true });
      if (!sent.ok) throw new Error(`keyframe refused: ${sent.error.message}`);
      await arrived;
      out.push(performance.now() - started);
    }
    const back: number[] = [];
    for (let index = 0; index < WARM_UP + MEASURED; index++) {
      const longitude = 10 + index / 100;
      const arrived = waitFor<void>((resolve) => {
        toPage = (event, payload) => {
          const message = payload as { event?: { type?: string; frames?: Record<string, { longitude?: number }> } };
          if (
            event === 'channelEvent' &&
            message.event?.type === 'KEYFRAME_SYNC' &&
            message.event.frames?.[FIVE_STATE_KEY]?.longitude === longitude
          )
            resolve();
        };
      });
      const started = performance.now();
      follower.sendKeyframe({ [FIVE_STATE_KEY]: { longitude } });
      await arrived;
      back.push(performance.now() - started);
    }
    const raw = (await rawEchoRounds(WARM_UP + MEASURED)).slice(WARM_UP);
    const line = (label: string, samples: number[]) => {
      const [median, p99] = [percentile(samples, 50), percentile(samples, 99)];
      console.log(
        `${label.padEnd(44)} median ${micros(median)}, p99 ${micros(p99)}   ratio to raw ws echo: median ${(median / percentile(raw, 50)).toFixed(2)}, p99 ${(p99 / percentile(raw, 99)).toFixed(2)}`,
      );
    };
    line(`tour page → main → sandbox → follower (${MEASURED})`, out.slice(WARM_UP));
    line(`guest → sandbox → main → tour page (${MEASURED})`, back.slice(WARM_UP));
    console.log(`${'raw ws echo round (baseline)'.padEnd(44)} median ${micros(percentile(raw, 50))}, p99 ${micros(percentile(raw, 99))}`);
  } finally {
    follower?.disconnect();
    await main.close();
  }
}

async function tourOpenTime(): Promise<void> {
  const missing = built.filter((file) => !existsSync(join(projectRoot, file)));
  if (missing.length > 0) {
    console.log(`(tour open time skipped: run \`npm run build\` first; missing ${missing.join(', ')})`);
    return;
  }
  let browser: Browser;
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
  } catch (error) {
    console.log(
      `(tour open time skipped: Chromium could not start — install chromium or set ROOMDESK_CHROMIUM; ${String(error).split('\n')[0]})`,
    );
    return;
  }
  let services: AppServices | null = null;
  const tourHost = pageTourHost(browser, () => (method, input, sender) => services!.tourPage(method, input, sender));
  let appPage: Page | null = null;
  const main = await startServices({
    tourHost: tourHost.factory,
    emit: (event, payload) => {
      void appPage
        ?.evaluate(
          ([channel, body]) =>
            (window as unknown as { __roomdeskHarnessEmit(c: string, p: unknown): void }).__roomdeskHarnessEmit(channel, body),
          [`roomdesk-event:${event}`, payload] as const,
        )
        .catch(() => undefined);
    },
  });
  services = main.services;
  const dispatch = createBridgeDispatcher(createBridgeHandlers(services), main.logger);
  const server = await serveDirectory(join(projectRoot, 'out/renderer'), contentSecurityPolicy({ isDev: false, ...appVoicePolicy }));
  const preload = preloadShimScript(await readFile(join(projectRoot, 'out/preload/index.cjs'), 'utf8'), BINDING);
  try {
    const appLoads: number[] = [];
    let page: Page | null = null;
    for (let load = 0; load < OPENS; load++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      await page.exposeBinding(BINDING, async (_source, channel: unknown, input: unknown) => {
        const method = typeof channel === 'string' ? channels.get(channel) : undefined;
        return dispatch(method ?? String(channel), input, { trusted: true });
      });
      await page.addInitScript({ content: preload });
      await page.addInitScript(() => localStorage.setItem('roomdesk.welcomeSeen', 'true'));
      const started = Date.now();
      await page.goto(`${server.origin}/index.html`);
      await page.locator('html[data-app-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
      appLoads.push(Date.now() - started);
      if (load < OPENS - 1) await context.close();
    }
    appPage = page!;
    const form = new NewRoomPage(appPage);
    await form.open();
    await form.fill({ title: 'Bench tour', vr: VR_CODE });
    await form.create.click();
    const start = appPage.getByRole('button', { name: 'Start tour' });
    const opens: number[] = [];
    for (let open = 0; open < OPENS; open++) {
      await start.waitFor({ timeout: 30_000 });
      const before = tourHost.record.pages.length;
      const started = Date.now();
      await start.click();
      await until(() => tourHost.record.pages.length > before, 30_000);
      const tour = tourHost.record.current()!;
      // The first frame drawn after the page says it shows the VR.
      await tour.locator('#tour[data-phase="showing"]').waitFor({ timeout: 60_000 });
      await tour.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      opens.push(Date.now() - started);
      await appPage.getByRole('button', { name: 'Leave tour' }).click();
    }
    const [app, open] = [median(appLoads), median(opens)];
    console.log(`app page load (navigation → first screen)   ${ms(app)}   (median of ${OPENS})`);
    console.log(
      `tour open (click → first VR frame)          ${ms(open)}   ratio ${(open / app).toFixed(2)} (median of ${OPENS}; includes the Work fetch and Five's chunk)`,
    );
  } finally {
    await server.close();
    await main.close();
    await tourHost.record.settled();
    await browser.close();
  }
}

function waitFor<T>(setup: (resolve: (value: T) => void) => void, timeoutMs = 5_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
    setup((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
const micros = (value: number) => `${Math.round(value * 1000)} µs`;
