import type { IncomingMessage } from 'node:http';
import type { Clock } from './clock';
import { GatewayError, SANDBOX_CODES } from './envelope';
import type { RateLimiter } from './rate-limiter';
import type { RoomStore } from './rooms';
import type { TicketStore } from './tickets';
import type { TokenStore } from './tokens';
import type { SandboxVoiceVendor } from './voice-sign';

/** Everything the request handlers share. */
export interface GatewayContext {
  clock: Clock;
  baseUrl: () => string;
  roles: { host: string; guest: string };
  ticketTtlSeconds: number;
  tokens: TokenStore;
  rooms: RoomStore;
  tickets: TicketStore;
  appLimiter: RateLimiter;
  appNumericId(appKey: string): number;
  voiceAppId: string;
  voiceSignKey: Buffer;
  voiceVendor: SandboxVoiceVendor;
}

export interface GatewayCall {
  request: IncomingMessage;
  url: URL;
  /** The whole request body, already read (at most MAX_BODY_BYTES). */
  body: string;
}

export function isConfiguredRole(context: GatewayContext, role: string): boolean {
  return role === context.roles.host || role === context.roles.guest;
}

/** Checks the token, then the app key's rate limit; returns the app key. */
export function authorize(context: GatewayContext, call: GatewayCall): string {
  const appKey = context.tokens.authorize(call.request.headers.authorization);
  enforceAppRateLimit(context, appKey);
  return appKey;
}

export function enforceAppRateLimit(context: GatewayContext, appKey: string): void {
  if (!context.appLimiter.allow(appKey)) {
    throw rateLimitedError('app key', context.appLimiter.retryAfterSeconds(appKey));
  }
}

export function rateLimitedError(scope: string, retryAfterSeconds: number): GatewayError {
  return new GatewayError(
    SANDBOX_CODES.rateLimited,
    `rate limit exceeded: too many requests for this ${scope}, retry after ${retryAfterSeconds}s`,
    429,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** `app_id` in a call must be the App Key the token was issued for. */
export function requireMatchingAppId(appKey: string, appId: string): void {
  if (appId !== appKey) {
    throw new GatewayError(SANDBOX_CODES.business, 'permission denied: app_id does not match the access token');
  }
}
