// Guided viewing: keyframe latency from the host's view change to the follower's setState, through
// main's live channel client, the sandbox's live channel and guided viewing on both ends, on loopback.
// Baseline in the same run: a raw `ws` round trip (send, echo back) of a keyframe-sized message — two
// socket hops, like host → server → follower.
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { FIVE_STATE_KEY, keyframeMessage } from '../../common/live-protocol';
import type { TourViewState } from '../../renderer/src/features/tour/engine/view-state';
import { openGuidedRoom, type GuidedParticipant } from '../../test/main/viewer/guided-room';

const WARM_UP_KEYFRAMES = 50;
const MEASURED_KEYFRAMES = 500;

export default {
  title: 'Guided viewing keyframes',
  async run(): Promise<void> {
    const raw = await rawEchoRounds(WARM_UP_KEYFRAMES + MEASURED_KEYFRAMES);
    // No throttle here, so every change is a keyframe and one latency sample; in the tour the
    // throttle (100 ms) decides how often a keyframe leaves, not how long one takes.
    const room = await openGuidedRoom({ intervalMs: 0 });
    try {
      const host = await room.join('bench-host', 'anchor');
      const follower = await room.join('bench-follower');
      const sync = await keyframeLatencies(host, follower, WARM_UP_KEYFRAMES + MEASURED_KEYFRAMES);
      report(sync.slice(WARM_UP_KEYFRAMES), raw.slice(WARM_UP_KEYFRAMES));
    } finally {
      await room.close();
    }
  },
};

function report(sync: number[], raw: number[]): void {
  const [syncMedian, syncP99, rawMedian, rawP99] = [percentile(sync, 50), percentile(sync, 99), percentile(raw, 50), percentile(raw, 99)];
  console.log(`host change → follower setState, ${sync.length} keyframes: median ${micros(syncMedian)}, p99 ${micros(syncP99)}`);
  console.log(`raw ws echo round of the same message, ${raw.length} rounds: median ${micros(rawMedian)}, p99 ${micros(rawP99)}`);
  console.log(`ratio guided / raw: median ${(syncMedian / rawMedian).toFixed(2)}, p99 ${(syncP99 / rawP99).toFixed(2)}`);
  console.log(`load average during the run: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
}

async function keyframeLatencies(host: GuidedParticipant, follower: GuidedParticipant, count: number): Promise<number[]> {
  if (follower.sync.leadership().leaderId !== host.userId) throw new Error('the follower does not see the host leading');
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const state = viewState(index);
    const arrived = new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`keyframe ${index} did not arrive`)), 5_000);
      follower.onApplied = (applied) => {
        if (applied.longitude !== state.longitude) return;
        clearTimeout(timeout);
        resolve();
      };
    });
    const started = performance.now();
    host.userMoves(state);
    await arrived;
    samples.push(performance.now() - started);
  }
  follower.onApplied = null;
  return samples;
}

export async function rawEchoRounds(count: number): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket) => socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary })));
  const socket = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const samples: number[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const text = JSON.stringify(keyframeMessage(`bench-${index}`, { [FIVE_STATE_KEY]: viewState(index) }));
      const started = performance.now();
      const echoed = new Promise<string>((resolve) => socket.once('message', (data) => resolve(data.toString())));
      socket.send(text);
      JSON.parse(await echoed);
      samples.push(performance.now() - started);
    }
  } finally {
    socket.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return samples;
}

function viewState(index: number): TourViewState {
  return {
    mode: 'Panorama',
    panoIndex: 0,
    longitude: index / 100,
    latitude: -0.0168,
    fov: 105,
    workCode: 'bench-work',
    offset: { x: -0.877, y: -0.071, z: -0.679 },
    distance: 0,
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function micros(ms: number): string {
  return `${Math.round(ms * 1000)} µs`;
}
