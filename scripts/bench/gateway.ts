// Gateway client overhead: getRoomDetail through the client vs a raw fetch + JSON.parse of the same
// URL on a loopback gateway, and how many access-token requests 1,000 calls cost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { defaultEndpoints } from '../../common/profile';
import { createGatewayClient } from '../../main/realsee/client';
import { envelopeSchema, roomDetailDataSchema } from '../../main/realsee/schemas';

const WARM_UP_CALLS = 200;
const MEASURED_CALLS = 1_000;
const TARGET_RATIO = 1.15;

interface LoopbackPeer {
  label: string;
  baseUrl: string;
  appKey: string;
  appSecret: string;
  authRequests(): number;
  close(): Promise<void>;
}

export default {
  title: 'Gateway client',
  async run(): Promise<void> {
    const peer = await startPeer();
    try {
      await measure(peer);
    } finally {
      await peer.close();
    }
  },
};

async function measure(peer: LoopbackPeer): Promise<void> {
  console.log(`peer: ${peer.label} at ${peer.baseUrl}`);
  const client = createGatewayClient({
    baseUrl: peer.baseUrl,
    appKey: peer.appKey,
    appSecret: peer.appSecret,
    roles: { host: 'anchor', guest: 'audience' },
  });
  const { roomCode } = await client.createRoom({ createUserId: 'bench-agent' });
  const rawToken = await rawAccessToken(peer);
  const detailUrl = new URL(peer.baseUrl + defaultEndpoints.roomDetail);
  detailUrl.searchParams.set('app_id', peer.appKey);
  detailUrl.searchParams.set('room_code', roomCode);

  const viaClient = async (): Promise<void> => {
    await client.getRoomDetail(roomCode);
  };
  const viaRawFetch = async (): Promise<void> => {
    const response = await fetch(detailUrl, { headers: { authorization: rawToken } });
    const body = JSON.parse(await response.text()) as { code: number };
    if (body.code !== 0) throw new Error(`raw call refused: code ${body.code}`);
  };

  // The raw call with what the client must add to every request: a deadline (a timer and an
  // AbortSignal, so a hung gateway cannot hang a room page) and no redirects (credentials must not
  // follow a redirect to another host), plus the envelope and room-detail schemas.
  const viaGuardedFetch = async (): Promise<void> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 15_000);
    try {
      const response = await fetch(detailUrl, { headers: { authorization: rawToken }, signal: controller.signal, redirect: 'error' });
      const body = envelopeSchema.parse(JSON.parse(await response.text()));
      if (body.code !== 0) throw new Error(`raw call refused: code ${body.code}`);
      roomDetailDataSchema.parse(body.data);
    } finally {
      clearTimeout(timer);
    }
  };

  for (let i = 0; i < WARM_UP_CALLS; i++) {
    await viaClient();
    await viaRawFetch();
    await viaGuardedFetch();
  }

  const authBefore = peer.authRequests();
  const viaClientSamples: Sample[] = [];
  const viaRawSamples: Sample[] = [];
  const viaGuardedSamples: Sample[] = [];
  for (let i = 0; i < MEASURED_CALLS; i++) {
    // Rotate which goes first so none always pays for the others' leftovers.
    const order = [
      async () => viaClientSamples.push(await timed(viaClient)),
      async () => viaRawSamples.push(await timed(viaRawFetch)),
      async () => viaGuardedSamples.push(await timed(viaGuardedFetch)),
    ];
    for (let step = 0; step < order.length; step++) await order[(i + step) % order.length]!();
  }
  const authDuringRun = peer.authRequests() - authBefore;

  const clientMedian = median(viaClientSamples.map((s) => s.wallMs));
  const rawMedian = median(viaRawSamples.map((s) => s.wallMs));
  const ratio = clientMedian / rawMedian;
  console.log(`getRoomDetail via client, median of ${MEASURED_CALLS}: ${micros(clientMedian)}`);
  console.log(`raw fetch + JSON.parse,  median of ${MEASURED_CALLS}: ${micros(rawMedian)}`);
  console.log(`ratio client / raw: ${ratio.toFixed(3)} (target <= ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER TARGET'}`);
  // Process CPU per call (both sides include the in-process gateway's work): steadier than wall
  // time on a busy machine, and the difference is the client's own cost.
  const clientCpu = median(viaClientSamples.map((s) => s.cpuMs));
  const rawCpu = median(viaRawSamples.map((s) => s.cpuMs));
  console.log(`process CPU per call, median: client ${micros(clientCpu)}, raw ${micros(rawCpu)}, ratio ${(clientCpu / rawCpu).toFixed(3)}`);
  const guardedMedian = median(viaGuardedSamples.map((s) => s.wallMs));
  console.log(
    `raw fetch + deadline + no redirects + schemas: ${micros(guardedMedian)} (${(guardedMedian / rawMedian).toFixed(3)}× raw); ` +
      `client / that: ${(clientMedian / guardedMedian).toFixed(3)} — the rest of the client's cost (token cache, URL building, retries, error scrubbing)`,
  );
  console.log(`load average during the run: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
  // The one token the client fetched for the room creation above covers every measured call.
  const authPerThousand = ((authDuringRun + 1) * 1_000) / MEASURED_CALLS;
  console.log(
    `auth requests per 1,000 calls in one token lifetime: ${authPerThousand} (target 1) ${authPerThousand <= 1 ? 'OK' : 'OVER TARGET'}`,
  );
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

async function timed(run: () => Promise<void>): Promise<Sample> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await run();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function micros(ms: number): string {
  return `${Math.round(ms * 1000)} µs`;
}

async function rawAccessToken(peer: LoopbackPeer): Promise<string> {
  const response = await fetch(peer.baseUrl + defaultEndpoints.accessToken, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ app_key: peer.appKey, app_secret: peer.appSecret }),
  });
  const body = (await response.json()) as { data: { access_token: string } };
  return body.data.access_token;
}

async function startPeer(): Promise<LoopbackPeer> {
  const sandboxEntry = fileURLToPath(new URL('../../main/sandbox/index.ts', import.meta.url));
  if (existsSync(sandboxEntry)) {
    const { startSandboxGateway } = await import('../../main/sandbox/index');
    const sandbox = await startSandboxGateway({
      tokenTtlSeconds: 3_600,
      rateLimits: { perAppKeyPerMinute: 1_000_000, perIpPerMinute: 1_000_000 },
    });
    return {
      label: 'sandbox gateway',
      baseUrl: sandbox.baseUrl,
      ...sandbox.demoApp,
      authRequests: () => sandbox.stats.count(defaultEndpoints.accessToken),
      close: () => sandbox.close(),
    };
  }
  return startMinimalPeer();
}

/** A bare loopback gateway answering the calls the benchmark makes, for when the sandbox is absent. */
async function startMinimalPeer(): Promise<LoopbackPeer> {
  let authRequests = 0;
  const envelope = (data: unknown) => JSON.stringify({ request_id: 'bench', trace_id: 'bench', code: 0, status: 'success', data, cost: 0 });
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://peer').pathname;
      let body: string;
      if (path === defaultEndpoints.accessToken) {
        authRequests++;
        body = envelope({ access_token: `bench-token-${authRequests}`, expire_at: Math.floor(Date.now() / 1000) + 3_600 });
      } else if (path === defaultEndpoints.createRoom) {
        body = envelope({ room_code: 'BENCH1', room_link: 'wss://bench/open/BENCH1' });
      } else {
        body = envelope({ room_code: 'BENCH1', room_link: 'wss://bench/open/BENCH1', status: 1, user_list: [], app: null });
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    label: 'minimal loopback gateway',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    appKey: 'benchappkey00001',
    appSecret: 'bench-secret',
    authRequests: () => authRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
