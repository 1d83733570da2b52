import { timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock';
import { GatewayError, SANDBOX_CODES } from './envelope';
import { randomSecret } from './random';
import { unixSeconds } from './realsee-time';

export interface SandboxApp {
  appKey: string;
  appSecret: string;
}

const FORGET_AFTER_MS = 60 * 60 * 1000;

interface IssuedToken {
  appKey: string;
  expireAtSeconds: number;
  forcedExpired: boolean;
}

/** App credentials and the access tokens issued for them. */
export class TokenStore {
  private readonly secrets = new Map<string, string>();
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    apps: ReadonlyArray<SandboxApp>,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {
    for (const app of apps) this.secrets.set(app.appKey, app.appSecret);
  }

  knowsApp(appKey: string): boolean {
    return this.secrets.has(appKey);
  }

  issue(appKey: string, appSecret: string): { access_token: string; expire_at: number } {
    const expected = this.secrets.get(appKey);
    if (expected === undefined || !sameText(expected, appSecret)) {
      throw new GatewayError(SANDBOX_CODES.authFailed, 'authentication failed: app_key or app_secret is wrong');
    }
    this.forgetLongExpired();
    const token = randomSecret(32);
    const expireAtSeconds = unixSeconds(this.clock.now()) + this.ttlSeconds;
    this.tokens.set(token, { appKey, expireAtSeconds, forcedExpired: false });
    return { access_token: token, expire_at: expireAtSeconds };
  }

  /** Returns the app key of a valid token, or throws the answer Realsee gives. */
  authorize(authorization: string | undefined): string {
    if (authorization === undefined || authorization.trim() === '') {
      throw new GatewayError(SANDBOX_CODES.business, 'miss authorization');
    }
    const issued = this.tokens.get(authorization);
    if (issued === undefined) {
      const hint = /^bearer\s/i.test(authorization) ? ' (send the raw token, without "Bearer ")' : '';
      throw new GatewayError(SANDBOX_CODES.authFailed, `invalid access token${hint}`);
    }
    if (issued.forcedExpired || this.clock.now() >= issued.expireAtSeconds * 1000) {
      throw expiredTokenError();
    }
    return issued.appKey;
  }

  /** Keeps memory bounded in a long-running app; a forgotten token then reads as invalid (-1). */
  private forgetLongExpired(): void {
    const cutoffSeconds = unixSeconds(this.clock.now() - FORGET_AFTER_MS);
    for (const [token, issued] of this.tokens) if (issued.expireAtSeconds < cutoffSeconds) this.tokens.delete(token);
  }

  expireAll(): void {
    for (const issued of this.tokens.values()) issued.forcedExpired = true;
  }
}

export function expiredTokenError(): GatewayError {
  return new GatewayError(SANDBOX_CODES.business, 'access token expired');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
