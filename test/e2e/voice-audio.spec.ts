import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';
import { writeToneWav } from './support/tone-wav';
import { RoomPage } from './pages/room-page';
import { createRoom, expect, openWorkspace, saveScreenshot, test } from './workspace';

/**
 * The agent (the app, in one browser) and a client (the guest page, in a second browser) hear each
 * other over sandbox voice: each browser's fake microphone plays its own generated tone (440 Hz for
 * the agent, 880 Hz for the client), and each side measures what it receives from the other with an
 * AnalyserNode on the remote track (the level the speaking dot is drawn from, in `data-level`).
 * Chromium takes one fake-capture file per browser process, hence two browsers.
 */
const toneDir = mkdtempSync(join(tmpdir(), 'roomdesk-voice-tones-'));
const agentTone = writeToneWav(join(toneDir, 'agent-440.wav'), { frequency: 440 });
const clientTone = writeToneWav(join(toneDir, 'client-880.wav'), { frequency: 880 });

function launchWithTone(wav: string) {
  const base = chromiumLaunchOptions();
  return {
    ...base,
    args: [...(base.args ?? []), `--use-file-for-fake-audio-capture=${wav}`, '--autoplay-policy=no-user-gesture-required'],
  };
}

test.use({ sandboxRoomLinks: 'live-channel', launchOptions: launchWithTone(agentTone) });
test.describe.configure({ timeout: 180_000 });

/** Heard: the received level stays above this (0..100, a -60..0 dB scale) while the other side talks. */
const HEARD = 25;
/** Silent: at or below this while the other side is muted. */
const SILENT = 3;
const SETTLED = { timeout: 30_000, intervals: [250, 500] };

const levelOf = (row: Locator) => row.getAttribute('data-level').then((value) => Number(value ?? 0));

/** The lowest and highest received level over `ms`, read every 100 ms. */
async function levelRange(row: Locator, page: Page, ms: number): Promise<{ min: number; max: number }> {
  let min = Infinity;
  let max = -Infinity;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const level = await levelOf(row);
    min = Math.min(min, level);
    max = Math.max(max, level);
    await page.waitForTimeout(100);
  }
  return { min, max };
}

test('agent and client hear each other; a mute silences that side and shows on the other; leave and rejoin restore audio', async ({
  app,
}) => {
  const { page } = app;
  await openWorkspace(app);
  const roomCode = await createRoom(page, { title: 'Riverside two-bedroom' });
  const room = new RoomPage(page);
  const pass = await app.services.rooms.issueGuestPass({
    roomCode,
    guest: { userId: 'client-zhang', role: 'audience', nickname: 'Mr Zhang' },
  });

  let clientBrowser: Browser | null = null;
  try {
    clientBrowser = await chromium.launch(launchWithTone(clientTone));
    const client = await (await clientBrowser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })).newPage();
    // Test-only: keeps the page's peer connections so one can be cut below, as a network drop would.
    await client.addInitScript(() => {
      const Original = window.RTCPeerConnection;
      const kept: RTCPeerConnection[] = [];
      Object.assign(window, { keptPeers: kept });
      window.RTCPeerConnection = class extends Original {
        constructor(configuration?: RTCConfiguration) {
          super(configuration);
          kept.push(this);
        }
      };
    });
    await client.goto(pass.inviteUrl);
    await expect(client.locator('#guest')).toHaveAttribute('data-state', /waiting|following|loadingTour/, SETTLED);

    // Pre-join: the speaker test plays a tone, then the agent joins first and the client taps Join voice.
    await room.voice.getByRole('button', { name: 'Test speaker' }).click();
    await expect(room.voice.getByText('Did you hear a short tone?')).toBeVisible(SETTLED);
    await room.voice.getByRole('button', { name: 'Join voice' }).click();
    await expect(room.voice.getByText('In voice (sandbox: WebRTC on this computer)')).toBeVisible(SETTLED);
    const agentId = app.services.live.presence(roomCode)!.self!.userId;
    const clientVoice = client.getByRole('region', { name: 'Voice' });
    await clientVoice.getByRole('button', { name: 'Join voice' }).click();
    await expect(clientVoice).toHaveAttribute('data-voice-status', 'joined', SETTLED);

    const clientAsHeardByAgent = room.voice.locator('li[data-user-id="client-zhang"]');
    const agentAsHeardByClient = client.locator(`.guest-person[data-user-id="${agentId}"]`);
    await expect(clientAsHeardByAgent).toHaveAttribute('data-connection', 'connected', SETTLED);
    await expect(agentAsHeardByClient).toHaveAttribute('data-connection', 'connected', SETTLED);

    // Both talk: each hears the other, steadily.
    await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeGreaterThan(HEARD);
    await expect.poll(() => levelOf(agentAsHeardByClient), SETTLED).toBeGreaterThan(HEARD);
    const agentHears = await levelRange(clientAsHeardByAgent, page, 2000);
    const clientHears = await levelRange(agentAsHeardByClient, client, 2000);
    test.info().annotations.push({
      type: 'received levels (min–max of 100)',
      description: `agent ${agentHears.min}–${agentHears.max}, client ${clientHears.min}–${clientHears.max}`,
    });
    expect(agentHears.min, 'the agent hears the client').toBeGreaterThan(HEARD);
    expect(clientHears.min, 'the client hears the agent').toBeGreaterThan(HEARD);

    // The client mutes: the agent hears nothing from them and sees the microphone closed; the client still hears the agent.
    await clientVoice.getByRole('button', { name: 'Mute' }).click();
    await expect(clientAsHeardByAgent).toHaveAttribute('data-microphone', 'closed', SETTLED);
    await expect(clientAsHeardByAgent).toContainText('microphone off');
    await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeLessThanOrEqual(SILENT);
    expect((await levelRange(clientAsHeardByAgent, page, 1500)).max, 'a muted client is silent').toBeLessThanOrEqual(SILENT);
    expect((await levelRange(agentAsHeardByClient, client, 1000)).min).toBeGreaterThan(HEARD);

    // The client unmutes; then the agent mutes: the client sees it and hears nothing from the agent.
    await clientVoice.getByRole('button', { name: 'Unmute' }).click();
    await expect(clientAsHeardByAgent).toHaveAttribute('data-microphone', 'open', SETTLED);
    await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeGreaterThan(HEARD);
    await room.voice.getByRole('button', { name: 'Mute', exact: true }).click();
    await expect(agentAsHeardByClient).toHaveAttribute('data-microphone', 'closed', SETTLED);
    await expect.poll(() => levelOf(agentAsHeardByClient), SETTLED).toBeLessThanOrEqual(SILENT);
    expect((await levelRange(agentAsHeardByClient, client, 1500)).max, 'a muted agent is silent').toBeLessThanOrEqual(SILENT);
    await room.voice.getByRole('button', { name: 'Unmute' }).click();
    await expect.poll(() => levelOf(agentAsHeardByClient), SETTLED).toBeGreaterThan(HEARD);

    // The agent (host) closes the client's microphone: the client's page mutes itself and says why.
    await room.voice.getByRole('button', { name: 'Mute Mr Zhang' }).click();
    await expect(clientVoice).toHaveAttribute('data-muted', 'true', SETTLED);
    await expect(clientVoice).toContainText('Your guide muted your microphone.');
    await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeLessThanOrEqual(SILENT);
    await clientVoice.getByRole('button', { name: 'Unmute' }).click();
    await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeGreaterThan(HEARD);

    // The client leaves voice: the agent sees it; rejoining brings the audio back both ways.
    await clientVoice.getByRole('button', { name: 'Leave voice' }).click();
    await expect(clientAsHeardByAgent).toHaveAttribute('data-in-voice', 'false', SETTLED);
    await clientVoice.getByRole('button', { name: 'Join voice' }).click();
    await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeGreaterThan(HEARD);
    await expect.poll(() => levelOf(agentAsHeardByClient), SETTLED).toBeGreaterThan(HEARD);

    await page.setViewportSize({ width: 1024, height: 700 });
    await room.voice.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'en', 'voice-with-client');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await saveScreenshot(page, 'en', 'voice-with-client-large');
    await saveScreenshot(client, 'en', 'guest-voice');

    // The client's connection is cut under it: the agent sees it lost, and it comes back by itself.
    await client.evaluate(() => (window as unknown as { keptPeers: RTCPeerConnection[] }).keptPeers.forEach((peer) => peer.close()));
    await expect(clientAsHeardByAgent).toHaveAttribute('data-connection', 'lost', SETTLED);
    await expect(clientAsHeardByAgent).toContainText('connection lost, reconnecting…');
    await expect(clientAsHeardByAgent).toHaveAttribute('data-connection', 'connected', SETTLED);
    await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeGreaterThan(HEARD);
    await expect.poll(() => levelOf(agentAsHeardByClient), SETTLED).toBeGreaterThan(HEARD);

    // The agent leaves and rejoins too. Voice was all that held the room's channel: leaving it takes the agent out of the room.
    await room.voice.getByRole('button', { name: 'Leave voice' }).click();
    await expect(agentAsHeardByClient).toHaveCount(0, SETTLED);
    await room.voice.getByRole('button', { name: 'Join voice' }).click();
    await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeGreaterThan(HEARD);
    await expect.poll(() => levelOf(agentAsHeardByClient), SETTLED).toBeGreaterThan(HEARD);
  } finally {
    await clientBrowser?.close();
  }
});

test('the guest page says in words, in the guest’s language, why voice could not start', async ({ app }) => {
  const room = await app.services.rooms.createRoom({ guests: [], listing: { title: 'No microphone' } });
  app.services.live.connect(room.roomCode, 'presence');
  await expect.poll(() => app.services.live.presence(room.roomCode)?.connection, SETTLED).toBe('connected');
  const cases = [
    { locale: 'en-US', error: 'NotAllowedError', join: 'Join voice', text: 'This page is not allowed to use the microphone.' },
    { locale: 'en-US', error: 'NotFoundError', join: 'Join voice', text: 'No microphone was found on this device.' },
    { locale: 'zh-CN', error: 'NotReadableError', join: '加入语音', text: '无法打开麦克风,可能正被其他应用占用。' },
    { locale: 'zh-CN', error: 'NotAllowedError', join: '加入语音', text: '此页面没有麦克风权限。' },
  ] as const;
  for (const [index, { locale, error, join, text }] of cases.entries()) {
    const context = await app.page
      .context()
      .browser()!
      .newContext({ viewport: { width: 390, height: 844 }, locale });
    try {
      const client = await context.newPage();
      await client.addInitScript((name) => {
        navigator.mediaDevices.getUserMedia = async () => {
          throw new DOMException('refused by the test', name);
        };
      }, error);
      const pass = await app.services.rooms.issueGuestPass({
        roomCode: room.roomCode,
        guest: { userId: `client-${index}`, role: 'audience', nickname: `Client ${index}` },
      });
      await client.goto(pass.inviteUrl);
      const voice = client.locator('.guest-voice');
      await voice.getByRole('button', { name: join }).click();
      await expect(voice.getByRole('alert')).toContainText(text, SETTLED);
      await expect(voice).toHaveAttribute('data-voice-status', 'idle');
      if (index === 0) await saveScreenshot(client, 'en', 'guest-voice-refused');
      if (index === 3) await saveScreenshot(client, 'zh-CN', 'guest-voice-refused');
    } finally {
      await context.close();
    }
  }
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the agent and a Chinese-speaking client hear each other, and a mute shows in Chinese', async ({ app }) => {
    const { page } = app;
    const { roomCode } = await app.services.rooms.createRoom({ guests: [], listing: { title: '江景两居' } });
    await openWorkspace(app);
    await page.getByText('江景两居').first().click();
    const voice = page.getByRole('region', { name: '语音' });
    const pass = await app.services.rooms.issueGuestPass({
      roomCode,
      guest: { userId: 'client-li', role: 'audience', nickname: '李女士' },
    });
    let clientBrowser: Browser | null = null;
    try {
      clientBrowser = await chromium.launch(launchWithTone(clientTone));
      const client = await (await clientBrowser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
      await client.goto(pass.inviteUrl);
      await expect(client.locator('#guest')).toHaveAttribute('data-state', /waiting|following|loadingTour/, SETTLED);
      await voice.getByRole('button', { name: '加入语音' }).click();
      await expect(voice.getByText('已加入语音(沙盒:本机 WebRTC)')).toBeVisible(SETTLED);
      const clientVoice = client.getByRole('region', { name: '语音' });
      await clientVoice.getByRole('button', { name: '加入语音' }).click();
      const agentId = app.services.live.presence(roomCode)!.self!.userId;
      const clientAsHeardByAgent = voice.locator('li[data-user-id="client-li"]');
      const agentAsHeardByClient = client.locator(`.guest-person[data-user-id="${agentId}"]`);
      await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeGreaterThan(HEARD);
      await expect.poll(() => levelOf(agentAsHeardByClient), SETTLED).toBeGreaterThan(HEARD);
      await expect(agentAsHeardByClient).toContainText('正在说话');

      await clientVoice.getByRole('button', { name: '静音', exact: true }).click();
      await expect(clientAsHeardByAgent).toContainText('麦克风已关闭', SETTLED);
      await expect(clientVoice).toContainText('您已静音。');
      await expect.poll(() => levelOf(clientAsHeardByAgent), SETTLED).toBeLessThanOrEqual(SILENT);
      await expect(voice.getByRole('button', { name: '将 李女士 静音' })).toHaveCount(0);

      await page.setViewportSize({ width: 1024, height: 700 });
      await voice.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'zh-CN', 'voice-with-client');
      await page.setViewportSize({ width: 1600, height: 1000 });
      await saveScreenshot(page, 'zh-CN', 'voice-with-client-large');
      await saveScreenshot(client, 'zh-CN', 'guest-voice');
    } finally {
      await clientBrowser?.close();
    }
  });
});
