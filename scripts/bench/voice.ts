// Sandbox voice: time from pressing Join voice to the first remote audio frame, median of 5 joins,
// against a bare peer pair in one page (WebRTC's own floor on this machine), measured in the same run.
// Two guest pages (the same sandbox WebRTC mesh the app uses) in Chromium with fake microphones:
// one is in voice already; the other presses Join, and the time runs until its first inbound audio
// samples (getStats `totalSamplesReceived` > 0) on any peer connection.
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { buildGuestLink, GUEST_VOICE_SIGN_EVENT } from '../../common/guest-link';
import { customEventMessage, parseServerFrame } from '../../common/live-protocol';
import { withTicket } from '../../main/rooms/room-link';
import { createGatewayClient } from '../../main/realsee/client';
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium';

const JOINS = 5;
const projectRoot = resolve(import.meta.dirname, '../..');
const guestPageDir = resolve(projectRoot, 'out/guest');

// Bench-only: keeps every peer connection the page makes, to read their stats.
const PEER_PROBE = `(() => {
  const Original = window.RTCPeerConnection;
  window.__benchPeers = [];
  window.RTCPeerConnection = class extends Original {
    constructor(...args) { super(...args); window.__benchPeers.push(this); }
  };
})();`;

export default {
  title: 'Sandbox voice in Chromium',
  async run(): Promise<void> {
    const launch = chromiumLaunchOptions();
    if (launch.executablePath && !existsSync(launch.executablePath)) {
      console.log(`(skipped: Chromium not found at ${launch.executablePath})`);
      return;
    }
    if (!launch.executablePath && process.env.ROOMDESK_CHROMIUM !== 'bundled') {
      console.log('(skipped: no Chromium at /usr/bin/chromium; set ROOMDESK_CHROMIUM to a Chromium binary or "bundled")');
      return;
    }
    if (!existsSync(resolve(guestPageDir, 'index.html'))) {
      console.log('(skipped: build the guest page first with `npm run build:guest`)');
      return;
    }
    const { startSandboxGateway } = await import('../../main/sandbox/index');
    const sandbox = await startSandboxGateway({ guestPageDir, rateLimits: { perAppKeyPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } });
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--autoplay-policy=no-user-gesture-required'] });
      const client = createGatewayClient({ baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: { host: 'anchor', guest: 'audience' } });
      const times: number[] = [];
      for (let round = 0; round < JOINS; round += 1) {
        const { roomCode } = await client.createRoom({ createUserId: `bench-host-${round}` });
        const host = await tellGuestsMesh(client, roomCode, `bench-host-${round}`);
        const pass = async (userId: string) => {
          const { ticket, roomLink } = await client.getRoomTicket({ roomCode, userId, userRole: 'audience' });
          return buildGuestLink(`${sandbox.baseUrl}/guest/`, { roomLink, ticket, lang: 'en', hostRole: null });
        };
        const first = await openInVoice(browser, await pass('bench-a'), true);
        const second = await openInVoice(browser, await pass('bench-b'), false);
        times.push(await joinToFirstFrame(second));
        await first.context().close();
        await second.context().close();
        host.close();
      }
      const baselines: number[] = [];
      for (let round = 0; round < JOINS; round += 1) baselines.push(await barePeerPairFirstFrame(browser, `${sandbox.baseUrl}/guest/`));
      const median = medianOf(times);
      const baseline = medianOf(baselines);
      console.log(
        `bare peer pair in one page (baseline)  ${baseline.toFixed(1).padStart(8)} ms   (median of ${JOINS}; microphone → two RTCPeerConnections → first inbound samples)`,
      );
      console.log(
        `Join → first remote audio frame        ${median.toFixed(1).padStart(8)} ms   ratio ${(median / baseline).toFixed(2)} (median of ${JOINS}; all: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
      );
    } finally {
      await browser?.close();
      await sandbox.close();
    }
  },
};

const medianOf = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** WebRTC's own floor on this machine: the same fake microphone through two peer connections wired in one page, no signalling. */
async function barePeerPairFirstFrame(browser: Browser, securePage: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // The microphone needs a secure context: a loopback page (the guest page without a link) is one.
    await page.goto(securePage);
    return await page.evaluate<number>(BARE_PEER_PAIR);
  } finally {
    await context.close();
  }
}

// Runs in a blank page (a string: this file is type-checked without the DOM library).
const BARE_PEER_PAIR = `(async () => {
  const started = performance.now();
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
  const sender = new RTCPeerConnection();
  const receiver = new RTCPeerConnection();
  sender.onicecandidate = (event) => event.candidate && receiver.addIceCandidate(event.candidate);
  receiver.onicecandidate = (event) => event.candidate && sender.addIceCandidate(event.candidate);
  // As in the guest page, the remote track plays through an audio element (with no player, no samples were counted here).
  const player = new Audio();
  receiver.ontrack = (event) => {
    player.srcObject = event.streams[0] ?? new MediaStream([event.track]);
    void player.play();
  };
  for (const track of stream.getTracks()) sender.addTrack(track, stream);
  await sender.setLocalDescription(await sender.createOffer());
  await receiver.setRemoteDescription(sender.localDescription);
  await receiver.setLocalDescription(await receiver.createAnswer());
  await sender.setRemoteDescription(receiver.localDescription);
  try {
    for (;;) {
      const stats = await receiver.getStats();
      for (const report of stats.values()) {
        if (report.type === 'inbound-rtp' && report.kind === 'audio' && (report.totalSamplesReceived ?? 0) > 0) return performance.now() - started;
      }
      if (performance.now() - started > 30000) throw new Error('no audio through a bare peer pair within 30 s');
      await new Promise((done) => setTimeout(done, 5));
    }
  } finally {
    player.srcObject = null;
    sender.close();
    receiver.close();
    for (const track of stream.getTracks()) track.stop();
  }
})()`;

/**
 * Stands in for the agent's app: a guest page joins voice only once the host has told it how the room
 * talks, which for a sandbox room is the WebRTC mesh (main's guest voice sender does this in the app).
 */
async function tellGuestsMesh(client: ReturnType<typeof createGatewayClient>, roomCode: string, hostId: string): Promise<WebSocket> {
  const { ticket, roomLink } = await client.getRoomTicket({ roomCode, userId: hostId, userRole: 'anchor' });
  const socket = new WebSocket(withTicket(roomLink, ticket, true));
  const told = new Set<string>([hostId]);
  let counter = 0;
  socket.on('message', (data) => {
    const parsed = parseServerFrame(String(data));
    if (!parsed.ok || parsed.frame.event.type !== 'USER_LIST') return;
    const newcomers = parsed.frame.event.users.map((user) => user.id).filter((id) => !told.has(id));
    for (const id of newcomers) told.add(id);
    if (newcomers.length > 0)
      socket.send(JSON.stringify(customEventMessage(`bench-${(counter += 1)}`, GUEST_VOICE_SIGN_EVENT, { status: 'mesh' }, newcomers)));
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}

async function openInVoice(browser: Browser, link: string, join: boolean): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(PEER_PROBE);
  await page.goto(link);
  const joinButton = page.getByRole('button', { name: 'Join voice' });
  await joinButton.waitFor();
  // Join waits for the app's word on how the room talks; a selector, as the page's policy forbids eval'd predicates.
  await page.locator('.guest-voice-join:enabled').waitFor();
  if (join) {
    await joinButton.click();
    await page.waitForSelector('.guest-voice[data-voice-status="joined"]');
  }
  return page;
}

/** Presses Join inside the page and returns the milliseconds until the first inbound audio samples. */
async function joinToFirstFrame(page: Page): Promise<number> {
  return page.evaluate<number>(JOIN_TO_FIRST_FRAME);
}

// Runs in the page (a string: this file is type-checked without the DOM library).
const JOIN_TO_FIRST_FRAME = `(async () => {
  const peers = window.__benchPeers;
  const started = performance.now();
  document.querySelector('.guest-voice-join').click();
  for (;;) {
    for (const peer of peers) {
      const stats = await peer.getStats();
      for (const report of stats.values()) {
        if (report.type === 'inbound-rtp' && report.kind === 'audio' && (report.totalSamplesReceived ?? 0) > 0) return performance.now() - started;
      }
    }
    if (performance.now() - started > 30000) throw new Error('no remote audio within 30 s');
    await new Promise((done) => setTimeout(done, 5));
  }
})()`;
