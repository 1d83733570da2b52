import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { defaultEndpoints } from '../../common/profile';
import { test, expect as harnessExpect, type HarnessApp } from './support/harness';

/** The machine running these may be busy: UI waits get 15 s instead of 7. */
const expect = harnessExpect.configure({ timeout: 15_000 });

/**
 * Voice in real Chromium with fake media devices, inside the real app page (built renderer, real
 * preload bundle, real main handlers, real sandbox gateway). The voice panel is bundled from
 * renderer/src/features/voice by this spec and loaded into the app's own origin, under the app's CSP.
 * The panel calls `joinVoice` on `window.roomdesk`, through the bridge contract.
 */

const projectRoot = resolve(import.meta.dirname, '../..');
const PANEL_PATH = '/__voice-e2e__/';

let bundleDir = '';

const entrySource = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { VoicePanel, VoiceControl, RoomVoiceProvider, useVoiceParticipants } from ${JSON.stringify(join(projectRoot, 'renderer/src/features/voice/index.ts'))};
import { I18nProvider } from ${JSON.stringify(join(projectRoot, 'renderer/src/i18n/I18nProvider.tsx'))};
import { createSandboxAdapter } from ${JSON.stringify(join(projectRoot, 'renderer/src/features/voice/sandbox-adapter.ts'))};
import { createVoiceAdapter } from ${JSON.stringify(join(projectRoot, 'renderer/src/features/voice/adapter-factory.ts'))};

let root = null;
let lastSign = null;
const streams = [];
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  streams.push(stream);
  return stream;
};

function voiceBridge() {
  const app = window.roomdesk;
  const joinVoice = app.joinVoice;
  return {
    getRoomDetails: app.getRoomDetails,
    async joinVoice(input) {
      const answer = await joinVoice(input);
      // Kept by this test page only, to prove the app stored and showed it nowhere.
      if (answer.ok && answer.value.userSig) lastSign = answer.value.userSig;
      return answer;
    },
  };
}

window.__voiceE2E = {
  mount({ roomCode, locale, roomClosed }) {
    let host = document.getElementById('voice-e2e');
    if (!host) {
      host = document.createElement('div');
      host.id = 'voice-e2e';
      Object.assign(host.style, { position: 'fixed', top: '0', right: '0', width: '420px', zIndex: '9999', background: 'white', padding: '8px' });
      document.body.append(host);
    }
    root ??= createRoot(host);
    // The provider reads its language once: a new language mounts a new provider (and panel).
    root.render(createElement(I18nProvider, { key: locale ?? 'en', initialChoice: locale ?? 'en' }, createElement(VoicePanel, { roomCode, bridge: voiceBridge(), roomClosed })));
  },
  /** The compact control and the participants hook, as another screen uses them, on the whole bridge. */
  mountCompact({ roomCode }) {
    let host = document.getElementById('voice-e2e');
    if (!host) {
      host = document.createElement('div');
      host.id = 'voice-e2e';
      document.body.append(host);
    }
    root ??= createRoot(host);
    function Participants() {
      return createElement('pre', { 'data-voice-participants': JSON.stringify(useVoiceParticipants()) });
    }
    root.render(
      createElement(I18nProvider, { initialChoice: 'en' },
        createElement(RoomVoiceProvider, { roomCode }, createElement(VoiceControl), createElement(Participants))),
    );
  },
  unmount() {
    root?.unmount();
    root = null;
  },
  lastSign: () => lastSign,
  liveMicrophoneTracks: () => streams.flatMap((s) => s.getAudioTracks()).filter((t) => t.readyState === 'live').length,
  createSandboxAdapter,
  createVoiceAdapter,
};
`;

function virtualEntry(): Plugin {
  return {
    name: 'voice-e2e-entry',
    resolveId: (id) => (id === 'virtual:voice-e2e' ? '\0voice-e2e' : null),
    load: (id) => (id === '\0voice-e2e' ? entrySource : null),
  };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  bundleDir = await mkdtemp(join(tmpdir(), 'roomdesk-voice-e2e-'));
  await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'error',
    plugins: [react(), virtualEntry()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: bundleDir,
      emptyOutDir: true,
      minify: false,
      modulePreload: false,
      copyPublicDir: false,
      rollupOptions: {
        input: 'virtual:voice-e2e',
        output: { format: 'es', entryFileNames: 'panel.js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
});

test.afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

/** Opens the real app, then loads the voice panel bundle from the app's own origin. */
async function openWithVoice(app: HarnessApp): Promise<{ page: Page; fetched: string[] }> {
  const { page } = app;
  await page.addInitScript(() => localStorage.setItem('roomdesk.welcomeSeen', 'true'));
  await app.open();
  const origin = new URL(page.url()).origin;
  const fetched: string[] = [];
  await page.route(`${origin}${PANEL_PATH}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(PANEL_PATH.length);
    fetched.push(path);
    const file = resolve(bundleDir, path);
    if (!file.startsWith(bundleDir) || extname(file) !== '.js') return route.fulfill({ status: 404 });
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: await readFile(file) });
  });
  // Harness artefact: the shimmed preload runs in the page's world under its CSP, and zod decides
  // once whether it may compile schemas with `new Function`. That first decision happens inside a
  // Playwright binding callback, where eval is allowed, so a schema first used later from a click
  // throws EvalError. Parsing the voice panel's two input schemas here (with invalid input, so
  // nothing reaches main) compiles them in an allowed context. The Electron preload has no such
  // problem; setting `z.config({ jitless: true })` in the preload would remove it here too.
  await page.evaluate(async () => {
    const bridge = window.roomdesk as unknown as Record<string, ((input: unknown) => Promise<unknown>) | undefined>;
    await bridge.getRoomDetails?.({ roomCode: '' });
    await bridge.joinVoice?.({ roomCode: '' });
  });
  await page.addScriptTag({ url: `${origin}${PANEL_PATH}panel.js`, type: 'module' });
  await page.waitForFunction(() => '__voiceE2E' in window);
  return { page, fetched };
}

async function newRoomCode(app: HarnessApp): Promise<string> {
  const created = await app.services.rooms.createRoom({ guests: [], listing: {} });
  return created.roomCode;
}

async function mount(page: Page, props: { roomCode: string; locale?: 'en' | 'zh-CN'; roomClosed?: boolean }): Promise<void> {
  await page.evaluate((p) => (window as unknown as VoiceTestWindow).__voiceE2E.mount(p), props);
}

interface VoiceTestWindow {
  __voiceE2E: {
    mount(props: { roomCode: string; locale?: string; roomClosed?: boolean }): void;
    mountCompact(props: { roomCode: string }): void;
    unmount(): void;
    lastSign(): string | null;
    liveMicrophoneTracks(): number;
    createSandboxAdapter(): import('../../renderer/src/features/voice/voice-adapter').VoiceAdapter;
    createVoiceAdapter(vendor: string): Promise<import('../../renderer/src/features/voice/voice-adapter').VoiceAdapter>;
  };
}

const meterValue = (page: Page) => page.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow').then(Number);

/** The highest meter reading seen over `ms`. */
async function peakOver(page: Page, ms: number): Promise<number> {
  let peak = 0;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    peak = Math.max(peak, await meterValue(page));
    await page.waitForTimeout(100);
  }
  return peak;
}

test.describe('voice', () => {
  // Real capture, an AudioContext and the app's full stack per test: generous on a loaded machine.
  test.describe.configure({ timeout: 120_000 });
  test('pre-flight, join with the fake microphone, level moves, mute by keyboard, leave, and unmount releases the microphone', async ({
    app,
  }) => {
    const { page, fetched } = await openWithVoice(app);
    const roomCode = await newRoomCode(app);
    await mount(page, { roomCode });
    const panel = page.getByRole('region', { name: 'Voice' });

    await panel.getByRole('button', { name: 'Check microphone and connection' }).click();
    await expect(panel.locator('[data-check="gateway"]')).toHaveText('The Realsee gateway answers.');
    await expect(panel.locator('[data-check="microphone"]')).toContainText('Microphone works');
    await expect(panel.getByRole('combobox', { name: 'Microphone' }).locator('option')).not.toHaveCount(1);

    await panel.getByRole('button', { name: 'Join voice' }).click();
    await expect(panel.getByText('In voice (sandbox: WebRTC on this computer)')).toBeVisible();
    await expect.poll(() => meterValue(page), { timeout: 10_000 }).toBeGreaterThan(0);

    // Join gave way to Mute and Leave: focus moved to Mute, not to the page, so M mutes straight
    // away — the meter falls to 0 and stays there.
    await expect(panel.getByRole('button', { name: 'Mute' })).toBeFocused();
    await page.keyboard.press('m');
    const muteButton = panel.getByRole('button', { name: 'Unmute' });
    await expect(muteButton).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByText('Muted', { exact: false })).toBeVisible();
    await expect.poll(() => meterValue(page)).toBe(0);
    expect(await peakOver(page, 1500)).toBe(0);

    // Ctrl+Shift+M works from anywhere while joined.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+M');
    await expect(panel.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => meterValue(page), { timeout: 10_000 }).toBeGreaterThan(0);

    // The signature was used but is nowhere in storage, the page, main's log or data files.
    const sign = await page.evaluate(() => (window as unknown as VoiceTestWindow).__voiceE2E.lastSign());
    expect(sign?.length ?? 0).toBeGreaterThan(10);
    const pageText = await page.evaluate(
      () => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(pageText).not.toContain(sign);
    expect(await page.evaluate(() => indexedDB.databases().then((dbs) => dbs.length))).toBe(0);
    expect(app.logLines.join('\n')).not.toContain(sign);
    for (const file of await app.dataFiles()) expect(file.text).not.toContain(sign);

    await panel.getByRole('button', { name: 'Leave voice' }).click();
    await expect(panel.getByRole('button', { name: 'Join voice' })).toBeEnabled();
    await expect(panel.getByRole('button', { name: 'Join voice' })).toBeFocused();
    await expect.poll(() => meterValue(page)).toBe(0);
    await expect.poll(() => page.evaluate(() => (window as unknown as VoiceTestWindow).__voiceE2E.liveMicrophoneTracks())).toBe(0);

    // Re-joining fetches a new signature from the gateway, and leaving the room (the panel
    // unmounts) leaves voice.
    const signaturesBefore = app.sandbox.stats.count(defaultEndpoints.voiceSign);
    await panel.getByRole('button', { name: 'Join voice' }).click();
    await expect(panel.getByRole('button', { name: 'Leave voice' })).toBeVisible();
    expect(app.sandbox.stats.count(defaultEndpoints.voiceSign)).toBe(signaturesBefore + 1);
    expect(await page.evaluate(() => (window as unknown as VoiceTestWindow).__voiceE2E.liveMicrophoneTracks())).toBe(1);
    await page.evaluate(() => (window as unknown as VoiceTestWindow).__voiceE2E.unmount());
    await expect.poll(() => page.evaluate(() => (window as unknown as VoiceTestWindow).__voiceE2E.liveMicrophoneTracks())).toBe(0);

    // The sandbox flow never loaded a vendor SDK.
    expect(fetched).toContain('panel.js');
    expect(fetched.filter((path) => /trtc|chime/i.test(path))).toEqual([]);
    const chunks = await readdir(join(bundleDir, 'chunks'));
    expect(chunks.some((name) => name.startsWith('trtc-adapter'))).toBe(true);
    expect(chunks.some((name) => name.startsWith('chime-adapter'))).toBe(true);
    expect(await readFile(join(bundleDir, 'panel.js'), 'utf8')).not.toMatch(
      /enableAudioVolumeEvaluation|realtimeSubscribeToVolumeIndicator/,
    );
  });

  test('a room closed in the sandbox: the signature is refused with a clear message and the request id', async ({ app }) => {
    const { page } = await openWithVoice(app);
    const roomCode = await newRoomCode(app);
    app.sandbox.rooms.close(roomCode);
    await mount(page, { roomCode });
    const panel = page.getByRole('region', { name: 'Voice' });
    await panel.getByRole('button', { name: 'Join voice' }).click();
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('Realsee refused a voice signature for this room. Check that the room is still open');
    await expect(alert).toContainText('room is closed');
    await expect(alert).toContainText(/Request id: \w+/);
    await expect(panel.getByRole('button', { name: 'Join voice' })).toBeEnabled();
    expect(await page.evaluate(() => (window as unknown as VoiceTestWindow).__voiceE2E.liveMicrophoneTracks())).toBe(0);
  });

  test('microphone refusals are explained with what to do, in English and Chinese', async ({ app }) => {
    const { page } = await openWithVoice(app);
    const roomCode = await newRoomCode(app);
    const failNextMicrophone = (name: string) =>
      page.evaluate((errorName) => {
        const original = navigator.mediaDevices.getUserMedia;
        navigator.mediaDevices.getUserMedia = () => {
          navigator.mediaDevices.getUserMedia = original;
          return Promise.reject(new DOMException('refused by test', errorName));
        };
      }, name);
    const panel = page.getByRole('region', { name: 'Voice' });

    await mount(page, { roomCode });
    await failNextMicrophone('NotAllowedError');
    await panel.getByRole('button', { name: 'Join voice' }).click();
    await expect(panel.getByRole('alert')).toContainText('Roomdesk is not allowed to use the microphone. Allow it in your system settings');

    await failNextMicrophone('NotFoundError');
    await panel.getByRole('button', { name: 'Join voice' }).click();
    await expect(panel.getByRole('alert')).toContainText('No microphone was found. Connect a microphone or headset');

    await failNextMicrophone('NotFoundError');
    await panel.getByRole('button', { name: 'Check microphone and connection' }).click();
    await expect(panel.locator('[data-check="microphone"]')).toContainText('No microphone was found');

    await mount(page, { roomCode, locale: 'zh-CN' });
    const zhPanel = page.getByRole('region', { name: '语音' });
    await expect(zhPanel.getByRole('meter', { name: '麦克风音量' })).toBeVisible();
    await failNextMicrophone('NotAllowedError');
    await zhPanel.getByRole('button', { name: '加入语音' }).click();
    await expect(zhPanel.getByRole('alert')).toContainText('Roomdesk 没有麦克风权限');
    await zhPanel.getByRole('button', { name: '加入语音' }).click();
    await expect(zhPanel.getByText('已加入语音(沙盒:本机 WebRTC)')).toBeVisible();

    // Ending the room leaves voice.
    await mount(page, { roomCode, locale: 'zh-CN', roomClosed: true });
    await expect(zhPanel.getByRole('button', { name: '加入语音' })).toBeDisabled();
    await expect.poll(() => page.evaluate(() => (window as unknown as VoiceTestWindow).__voiceE2E.liveMicrophoneTracks())).toBe(0);
  });

  test('sandbox adapter on its own: level above 0 from the fake microphone, 0 while muted, speaking, released on leave', async ({
    app,
  }) => {
    const { page } = await openWithVoice(app);
    const result = await page.evaluate(async () => {
      const voice = (window as unknown as VoiceTestWindow).__voiceE2E;
      const adapter = voice.createSandboxAdapter();
      const levels: number[] = [];
      const speaking: boolean[] = [];
      adapter.onLevel((level) => levels.push(level));
      adapter.onSpeaking((value) => speaking.push(value));
      const collect = async (ms: number) => {
        levels.length = 0;
        await new Promise((done) => setTimeout(done, ms));
        return Math.max(...levels);
      };
      const refused = await adapter
        .join({
          vendor: 'trtc',
          roomCode: 'X',
          userId: 'u',
          vendorSource: 'default',
          obtainedAt: 0,
          expiresAt: 1,
          sdkAppId: 1,
          userSig: 's',
          roomId: 1,
        })
        .then(
          () => 'joined',
          (error: Error) => error.name,
        );
      await adapter.join({
        vendor: 'sandbox',
        roomCode: 'X',
        userId: 'u',
        vendorSource: 'sandbox-profile',
        obtainedAt: 0,
        expiresAt: 1,
        sdkAppId: 1,
        userSig: 's',
        roomId: 1,
      });
      const devices = await adapter.listInputDevices();
      const live = await collect(2000);
      await adapter.setMuted(true);
      await new Promise((done) => setTimeout(done, 300));
      const muted = await collect(1500);
      await adapter.setMuted(false);
      const unmuted = await collect(2000);
      await adapter.leave();
      return {
        refused,
        devices: devices.length,
        live,
        muted,
        unmuted,
        spoke: speaking.includes(true),
        tracks: voice.liveMicrophoneTracks(),
        lastLevel: levels.at(-1),
      };
    });
    expect(result.refused).toBe('VoiceFailure');
    expect(result.devices).toBeGreaterThan(0);
    expect(result.live).toBeGreaterThan(0);
    expect(result.muted).toBe(0);
    expect(result.unmuted).toBeGreaterThan(0);
    expect(result.spoke).toBe(true);
    expect(result.tracks).toBe(0);
    expect(result.lastLevel).toBe(0);
  });

  test('vendor adapters load on demand and report an unreachable vendor as a join failure', async ({ app }) => {
    const { page, fetched } = await openWithVoice(app);
    const outcome = await page.evaluate(async () => {
      const voice = (window as unknown as VoiceTestWindow).__voiceE2E;
      const trtc = await voice.createVoiceAdapter('trtc');
      const started = Date.now();
      const result = await trtc
        .join({
          vendor: 'trtc',
          roomCode: 'X',
          userId: 'agent-7',
          vendorSource: 'default',
          obtainedAt: 0,
          expiresAt: 1,
          sdkAppId: 1400000001,
          userSig: 'not-a-real-signature',
          roomId: 12345,
        })
        .then(
          () => 'joined',
          (error: { name: string; kind?: string }) => `${error.name}:${error.kind}`,
        );
      await trtc.leave();
      return { result, ms: Date.now() - started };
    });
    expect(outcome.result).toBe('VoiceFailure:join-failed');
    expect(fetched.some((path) => /trtc-adapter/.test(path))).toBe(true);
    expect(fetched.some((path) => /chime/i.test(path))).toBe(false);
  });
});

test.describe('the compact voice control', () => {
  test.use({ sandboxRoomLinks: 'live-channel' });
  test.describe.configure({ timeout: 120_000 });

  test('joins, mutes and leaves, and the participants hook and the room follow', async ({ app }) => {
    const { page } = await openWithVoice(app);
    const roomCode = await newRoomCode(app);
    await page.evaluate((code) => (window as unknown as VoiceTestWindow).__voiceE2E.mountCompact({ roomCode: code }), roomCode);
    const control = page.getByRole('group', { name: 'Voice' });
    const participants = async () =>
      JSON.parse((await page.locator('[data-voice-participants]').getAttribute('data-voice-participants')) ?? '{}') as Record<
        string,
        { inVoice: boolean; microphone: string | null }
      >;

    await control.getByRole('button', { name: 'Join voice' }).click();
    await expect(control).toHaveAttribute('data-voice-status', 'joined');
    const selfId = app.services.live.presence(roomCode)!.self!.userId;
    await expect.poll(async () => (await participants())[selfId]).toMatchObject({ inVoice: true, microphone: 'open' });
    await expect.poll(() => app.services.live.presence(roomCode)?.self?.microphone).toBe('open');

    await control.getByRole('button', { name: 'Mute' }).click();
    await expect(control).toHaveAttribute('data-muted', 'true');
    await expect(control).toContainText('Muted');
    await expect.poll(async () => (await participants())[selfId]?.microphone).toBe('closed');
    await expect.poll(() => app.services.live.presence(roomCode)?.self?.microphone).toBe('closed');

    await control.getByRole('button', { name: 'Leave voice' }).click();
    await expect(control).toHaveAttribute('data-voice-status', 'idle');
    await expect(control).toContainText('Not in voice');
    await expect.poll(async () => (await participants())[selfId]?.inVoice).toBe(false);
  });
});
