import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultRoles } from '../../common/profile';
import { errorAnswer, successAnswer, writeAnswer, type Answer } from './answer';
import { systemClock, type Clock } from './clock';
import { GatewayError, SANDBOX_CODES } from './envelope';
import { FaultController, type SandboxFaults } from './faults';
import type { GatewayCall, GatewayContext } from './gateway-context';
import { rateLimitedError } from './gateway-context';
import { readBody, RequestAborted } from './http-io';
import { injectedAnswer } from './injected-answers';
import { openApiRoutes } from './open-api';
import { randomDigits } from './random';
import { RateLimiter } from './rate-limiter';
import { createLiveChannel, type SandboxLiveChannel } from './live-channel';
import { requestRefusal } from './request-origin';
import { handleRoomRoute, matchRoomRoute } from './room-routes';
import { RoomStore, type SandboxRoomState } from './rooms';
import { createStats, type SandboxStats } from './stats';
import { TicketStore } from './tickets';
import { TokenStore, type SandboxApp } from './tokens';
import type { SandboxVoiceVendor } from './voice-sign';
import { createVrAssets } from './vr-assets';
import { createGuestPage } from './guest-page';

/** The sandbox's public demo credential: printed by `npm run sandbox`, prefilled for new users. */
export const SANDBOX_DEMO_APP: { appKey: string; appSecret: string } = Object.freeze({
  appKey: 'RoomdeskDemo2026',
  appSecret: 'roomdesk-sandbox-demo-secret',
});

export interface SandboxGatewayOptions {
  /** 0 = any free port (default). */
  port?: number;
  clock?: Clock;
  apps?: Array<{ appKey: string; appSecret: string }>;
  tokenTtlSeconds?: number;
  ticketTtlSeconds?: number;
  /** Role names that exist; default anchor / audience. */
  roles?: { host: string; guest: string };
  /** Realsee's documented limits by default: 256/min per app key, 500/min per IP. */
  rateLimits?: { perAppKeyPerMinute?: number; perIpPerMinute?: number };
  /**
   * What `room_link` new rooms get: `live-channel` (default, like the real service) the WebSocket
   * link `ws://127.0.0.1:<port>/open/<code>?open_app_id=<n>`; `page` the http room page
   * `${baseUrl}/room/<code>` (a stand-in Realsee does not have, kept for page-link tests).
   */
  roomLinks?: 'page' | 'live-channel';
  /**
   * Whose voice signature shape "Get voice room signature" returns, and what the room's voice
   * config names: `sandbox` (default) and `trtc` an opaque TRTC-style `userSig`; `chime` Realsee's
   * URL-encoded Chime JSON (`attendence`, `vendor_wrapper`, `config`, `expire_time`, …).
   */
  voiceVendor?: SandboxVoiceVendor;
  /** The built guest page served at `/guest/` (default: `out/guest` under the working folder). */
  guestPageDir?: string;
}

export interface SandboxGateway {
  baseUrl: string;
  demoApp: { appKey: string; appSecret: string };
  clock: Clock;
  faults: SandboxFaults;
  stats: SandboxStats;
  rooms: { get(roomCode: string): SandboxRoomState | undefined; close(roomCode: string): void; list(): SandboxRoomState[] };
  /** The WebSocket live channel at `/open/<code>` (see live-channel.ts and common/live-protocol.ts). */
  liveChannel: SandboxLiveChannel;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startSandboxGateway(options: SandboxGatewayOptions = {}): Promise<SandboxGateway> {
  const clock = options.clock ?? systemClock;
  const apps = options.apps ?? [SANDBOX_DEMO_APP];
  const roles = options.roles ?? defaultRoles;
  const tokenTtlSeconds = positive(options.tokenTtlSeconds ?? 300, 'tokenTtlSeconds');
  const ticketTtlSeconds = positive(options.ticketTtlSeconds ?? 300, 'ticketTtlSeconds');
  if (apps.length === 0) throw new RangeError('startSandboxGateway: at least one app is required');
  if (roles.host === '' || roles.guest === '' || roles.host === roles.guest) {
    throw new RangeError('startSandboxGateway: host and guest roles must be two different non-empty names');
  }

  let baseUrl = '';
  let port = 0;
  const tokens = new TokenStore(apps, clock, tokenTtlSeconds);
  const liveLinks = (options.roomLinks ?? 'live-channel') === 'live-channel';
  const rooms = new RoomStore(clock, (roomCode, appKey) =>
    liveLinks
      ? `${baseUrl.replace(/^http:/, 'ws:')}/open/${roomCode}?open_app_id=${context.appNumericId(appKey)}`
      : `${baseUrl}/room/${roomCode}`,
  );
  const ipLimiter = new RateLimiter(clock, positive(options.rateLimits?.perIpPerMinute ?? 500, 'perIpPerMinute'));
  const faults = new FaultController(() => tokens.expireAll());
  const stats = createStats(clock);
  const context: GatewayContext = {
    clock,
    baseUrl: () => baseUrl,
    roles: { ...roles },
    ticketTtlSeconds,
    tokens,
    rooms,
    tickets: new TicketStore(clock, ticketTtlSeconds),
    appLimiter: new RateLimiter(clock, positive(options.rateLimits?.perAppKeyPerMinute ?? 256, 'perAppKeyPerMinute')),
    appNumericId: numericIds(apps),
    voiceAppId: `1400${randomDigits(6)}`,
    voiceSignKey: randomBytes(32),
    voiceVendor: options.voiceVendor ?? 'sandbox',
  };

  const pendingDelays = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        resolve();
      }, ms);
      pendingDelays.add(timer);
    });

  const vrAssets = createVrAssets();
  const guestPage = createGuestPage(options.guestPageDir ?? resolve(process.cwd(), 'out/guest'));

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = requestUrl(request);
    const refusal = requestRefusal(request, port, method !== 'GET' && method !== 'HEAD');
    if (refusal !== null) {
      request.resume();
      return writeAnswer(response, errorAnswer(new GatewayError(SANDBOX_CODES.forbidden, refusal, 403)));
    }
    stats.record(method, url.pathname);
    // VR images stand for Realsee's CDN, not the gateway: no gateway rate limits or injected faults.
    if (vrAssets.matches(url.pathname)) return vrAssets.serve(request, response, url.pathname);
    if (guestPage.matches(url.pathname)) return guestPage.serve(request, response, url.pathname);
    const fault = faults.take(url.pathname);
    if (fault !== undefined && fault.latencyMs > 0) await delay(fault.latencyMs);
    const injected = fault === undefined ? undefined : injectedAnswer(fault);
    if (injected !== undefined && !fault?.dropAfterProcessing) {
      request.resume();
      return writeAnswer(response, injected);
    }
    const answer = await processRequest(method, url, request);
    if (fault?.dropAfterProcessing) {
      request.socket.destroy();
      return;
    }
    writeAnswer(response, answer);
  }

  async function processRequest(method: string, url: URL, request: IncomingMessage): Promise<Answer> {
    try {
      const ip = request.socket.remoteAddress ?? 'unknown';
      if (!ipLimiter.allow(ip)) throw rateLimitedError('IP address', ipLimiter.retryAfterSeconds(ip));
      const body = await readBody(request);
      const call: GatewayCall = { request, url, body };
      const apiRoute = openApiRoutes.get(url.pathname);
      if (apiRoute !== undefined) {
        requireMethod(method, apiRoute.method);
        return successAnswer(apiRoute.handle(context, call));
      }
      const roomRoute = matchRoomRoute(url.pathname);
      if (roomRoute !== undefined) {
        requireMethod(method, roomRoute.method);
        return handleRoomRoute(context, roomRoute, call);
      }
      throw new GatewayError(SANDBOX_CODES.notFound, `not found: ${url.pathname}`, 404);
    } catch (error) {
      if (error instanceof GatewayError) return errorAnswer(error);
      if (error instanceof RequestAborted) throw error;
      reportInternalError(error);
      return errorAnswer(new GatewayError(SANDBOX_CODES.serverError, 'internal sandbox error', 500));
    }
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!(error instanceof RequestAborted)) reportInternalError(error);
      response.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const liveChannel = createLiveChannel(context);
  server.on('upgrade', (request, socket, head) => {
    if (requestRefusal(request, port, true) !== null || !liveChannel.handleUpgrade(request, socket, head)) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://${LOOPBACK}:${port}`;

  return {
    baseUrl,
    demoApp: { ...(apps[0] ?? SANDBOX_DEMO_APP) },
    clock,
    faults,
    stats,
    rooms: {
      get: (roomCode) => rooms.get(roomCode),
      close: (roomCode) => rooms.close(roomCode),
      list: () => rooms.list(),
    },
    liveChannel: liveChannel.api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of pendingDelays) clearTimeout(timer);
        pendingDelays.clear();
        liveChannel.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function requireMethod(actual: string, allowed: 'GET' | 'POST'): void {
  if (actual !== allowed) {
    throw new GatewayError(SANDBOX_CODES.methodNotAllowed, `method ${actual} not allowed, use ${allowed}`, 405, {
      allow: allowed,
    });
  }
}

/** Parses the request target as a path; absolute or odd targets never change the host. */
function requestUrl(request: IncomingMessage): URL {
  const target = request.url ?? '/';
  try {
    return new URL(`http://sandbox${target.startsWith('/') ? target : `/${target}`}`);
  } catch {
    return new URL('http://sandbox/');
  }
}

function numericIds(apps: ReadonlyArray<SandboxApp>): (appKey: string) => number {
  const ids = new Map(apps.map((app, index) => [app.appKey, 100_001 + index]));
  return (appKey) => ids.get(appKey) ?? 0;
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`startSandboxGateway: ${name} must be positive`);
  return value;
}

/** Unexpected failures are reported without request content (which may hold secrets). */
function reportInternalError(error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  process.stderr.write(`[sandbox] internal error: ${text}\n`);
}
