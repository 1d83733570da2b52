// The guest page (out/guest): its first-load size, gzip, with Five's lazy chunk apart (fetched only once
// the Work arrives), and the time from opening a guest pass to the first frame of the VR, in Chromium,
// against the sandbox with the agent's services in the room. Baseline in the same run: the bare page
// (no link) to its first frame. Each load is a fresh browser context: a cold cache, as a client's first visit.
import { chromium, type Browser, type Page } from '@playwright/test';
import Conf from 'conf';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createAppServices } from '../../main/app-services';
import { createLogger, SecretRegistry } from '../../main/logging/logger';
import { DEMO_HOMES } from '../../main/sandbox/demo-vrs';
import { startSandboxGateway } from '../../main/sandbox/index';
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium';

const projectRoot = resolve(import.meta.dirname, '../..');
const guestDir = join(projectRoot, 'out/guest');
const LOADS = 5;
const PHONE = { width: 390, height: 844 };
const SETTLE_MS = 60_000;

// Inside the page: when #guest first shows each state, taken at the next animation frame (the frame
// that paints it), on the page's clock (0 = navigation start).
const STATE_PROBE = `(() => {
  const seen = (window.__guestStates = {});
  new MutationObserver(() => {
    const state = document.getElementById('guest')?.dataset.state;
    if (state && !(state in seen)) {
      seen[state] = -1;
      requestAnimationFrame(() => (seen[state] = performance.now()));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

export default {
  title: 'Guest page',
  async run(): Promise<void> {
    if (!existsSync(join(guestDir, 'index.html'))) {
      console.log('(skipped: the guest page is not built; run `npm run build:guest` first)');
      return;
    }
    reportSizes();
    await reportFirstFrame();
  },
};

interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

function asset(file: string): Asset {
  const bytes = readFileSync(join(guestDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** What the HTML loads at once: its scripts and styles, and every script they import statically. */
function initialFiles(): string[] {
  const html = readFileSync(join(guestDir, 'index.html'), 'utf8');
  const files = new Set<string>(['index.html']);
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.\/([^"]+)"/g)].map((match) => match[1]!);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const source = readFileSync(join(guestDir, file), 'utf8');
    // Static imports only (`from"./x.js"`, `import"./x.js"`); `import("./x.js")` is a lazy chunk.
    for (const match of source.matchAll(/(?:from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g)) {
      queue.push(posix.join(posix.dirname(file), match[1]!));
    }
  }
  return [...files];
}

/**
 * Lazy chunks only a TRTC or Chime room fetches: the signature decoders and the vendor adapters with
 * everything they import (their SDKs), apart from what every guest fetches after connecting.
 */
function voiceVendorFiles(initial: ReadonlySet<string>): Set<string> {
  const files = new Set<string>();
  const queue = readdirSync(join(guestDir, 'assets'))
    .filter((name) => /^(trtc-adapter|chime-adapter|guest-voice-sign)-.*\.js$/.test(name))
    .map((name) => `assets/${name}`);
  while (queue.length > 0) {
    const file = queue.shift()!;
    // Quoted paths inside an SDK's own code name no chunk: only files of the build count.
    if (files.has(file) || initial.has(file) || !existsSync(join(guestDir, file))) continue;
    files.add(file);
    const source = readFileSync(join(guestDir, file), 'utf8');
    for (const match of source.matchAll(/["'`](\.\/[^"'`]+\.js)["'`]/g)) queue.push(posix.join(posix.dirname(file), match[1]!));
  }
  return files;
}

function reportSizes(): void {
  const initial = initialFiles().map(asset);
  const voiceOnly = voiceVendorFiles(new Set(initial.map((item) => item.file)));
  const lazyFiles = readdirSync(join(guestDir, 'assets'))
    .map((name) => `assets/${name}`)
    .filter((file) => file.endsWith('.js') && !initial.some((loaded) => loaded.file === file));
  const lazy = lazyFiles.filter((file) => !voiceOnly.has(file)).map(asset);
  const vendor = lazyFiles.filter((file) => voiceOnly.has(file)).map(asset);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
  const sum = (assets: Asset[], key: 'raw' | 'gzip') => assets.reduce((total, item) => total + item[key], 0);
  for (const item of initial) console.log(`  initial ${item.file.padEnd(32)} ${kb(item.gzip)} gzip (${kb(item.raw).trim()} raw)`);
  console.log(`first load (HTML + JS + CSS), gzip -9     ${kb(sum(initial, 'gzip'))}   (${kb(sum(initial, 'raw')).trim()} raw)`);
  for (const item of lazy) console.log(`lazy ${item.file.padEnd(36)} ${kb(item.gzip)} gzip (${kb(item.raw).trim()} raw), after connect`);
  if (lazy.length > 0) console.log(`ratio lazy / first load (gzip)            ${(sum(lazy, 'gzip') / sum(initial, 'gzip')).toFixed(1)}`);
  for (const item of vendor)
    console.log(`voice ${item.file.padEnd(35)} ${kb(item.gzip)} gzip (${kb(item.raw).trim()} raw), TRTC/Chime rooms only`);
  if (vendor.length > 0) console.log(`voice vendor chunks (TRTC/Chime rooms), gzip ${kb(sum(vendor, 'gzip'))}`);
}

async function reportFirstFrame(): Promise<void> {
  let browser: Browser;
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`(time to first frame skipped: Chromium could not start: ${reason})`);
    return;
  }
  const sandbox = await startSandboxGateway({ roomLinks: 'live-channel', guestPageDir: guestDir });
  const dataDir = await mkdtemp(join(tmpdir(), 'roomdesk-bench-guest-'));
  const secrets = new SecretRegistry();
  const services = await createAppServices({
    dataDir,
    profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-bench' }),
    vault: { get: async () => null, set: async () => undefined, delete: async () => false },
    sandbox,
    logger: createLogger(() => undefined, secrets),
    secrets,
    appVersion: 'bench',
    platform: process.platform,
    chooseExportPath: async () => null,
    emit: () => undefined,
  });
  try {
    // The agent's app is in the room (main's live channel client as host): it sends each guest the Work.
    const room = await services.rooms.createRoom({ guests: [], listing: { title: 'Bench', vr: DEMO_HOMES[0]!.vr_code } });
    services.live.connect(room.roomCode, 'presence');
    await until(() => services.live.presence(room.roomCode)?.connection === 'connected', 'the agent to join the room');

    const bare: number[] = [];
    const joined: number[] = [];
    const firstFrame: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      bare.push((await loadUntil(browser, `${sandbox.baseUrl}/guest/`, 'noLink')).noLink!);
      const pass = await services.rooms.issueGuestPass({
        roomCode: room.roomCode,
        guest: { userId: `bench-guest-${load}`, role: 'audience' },
      });
      const states = await loadUntil(browser, pass.inviteUrl, 'following');
      joined.push(states.waiting ?? states.loadingTour ?? Number.NaN);
      firstFrame.push(states.following!);
    }
    const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
    console.log(`bare page (no link) → first frame (baseline)   ${ms(median(bare))}`);
    console.log(`pass opened → in the room                      ${ms(median(joined))}`);
    console.log(
      `pass opened → first VR frame                   ${ms(median(firstFrame))}   ratio ${(median(firstFrame) / median(bare)).toFixed(1)} (median of ${LOADS} cold loads)`,
    );
    console.log(`load average during the run: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores; software WebGL`);
  } finally {
    await services.dispose();
    await sandbox.close();
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Opens `url` in a fresh context and returns the page-clock time each guest state was first painted. */
async function loadUntil(browser: Browser, url: string, state: string): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: STATE_PROBE });
    await page.goto(url);
    await page.waitForFunction(
      (wanted) => {
        const page = globalThis as unknown as PageGlobals;
        return (page.__guestStates[wanted] ?? -1) >= 0 || page.document.querySelector('.guest-status-final') !== null;
      },
      state,
      { timeout: SETTLE_MS },
    );
    const seen = await states(page);
    if (!(state in seen)) throw new Error(`the guest page ended in "${Object.keys(seen).at(-1)}" instead of "${state}"`);
    return seen;
  } finally {
    await context.close();
  }
}

/** What the page-side functions read (this script is type-checked without the DOM's types). */
interface PageGlobals {
  __guestStates: Record<string, number>;
  document: { querySelector(selector: string): unknown };
}

async function states(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(globalThis as unknown as PageGlobals).__guestStates }));
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
