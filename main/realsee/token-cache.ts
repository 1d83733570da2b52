export interface IssuedToken {
  token: string;
  /** Unix seconds, as Realsee gives it. */
  expireAt: number;
}

export interface TokenCacheOptions {
  fetchToken: () => Promise<IssuedToken>;
  /** Milliseconds since epoch. */
  now: () => number;
  safetyMarginSeconds: number;
}

export interface CachedToken {
  token: string;
  /** Milliseconds since epoch. */
  expiresAt: number;
}

/**
 * Holds one access token until shortly before it expires. Concurrent callers share one in-flight
 * request; a failed request is not remembered, so the next caller tries again.
 */
export class TokenCache {
  private current: { token: string; expiresAt: number; usableUntil: number } | null = null;
  private inFlight: Promise<CachedToken> | null = null;
  private generation = 0;

  constructor(private readonly options: TokenCacheOptions) {}

  get(): Promise<CachedToken> {
    const current = this.current;
    if (current && this.options.now() < current.usableUntil) {
      return Promise.resolve({ token: current.token, expiresAt: current.expiresAt });
    }
    this.current = null;
    return (this.inFlight ??= this.fetchAndStore());
  }

  /**
   * Drops the token. With `staleToken`, drops it only if it is still the current one, so a caller
   * that saw an old token refused does not throw away a fresh one another caller just fetched.
   */
  invalidate(staleToken?: string): void {
    if (staleToken !== undefined && this.current !== null && this.current.token !== staleToken) return;
    this.current = null;
    if (staleToken === undefined) {
      this.generation++;
      this.inFlight = null;
    }
  }

  private async fetchAndStore(): Promise<CachedToken> {
    const generation = this.generation;
    const requestedAt = this.options.now();
    try {
      const issued = await this.options.fetchToken();
      const expiresAt = issued.expireAt * 1000;
      // A margin larger than half the lifetime would make a short-lived token unusable at once.
      const lifetimeMs = Math.max(0, expiresAt - requestedAt);
      const marginMs = Math.min(this.options.safetyMarginSeconds * 1000, lifetimeMs / 2);
      if (generation === this.generation) {
        this.current = { token: issued.token, expiresAt, usableUntil: expiresAt - marginMs };
      }
      return { token: issued.token, expiresAt };
    } finally {
      if (generation === this.generation) this.inFlight = null;
    }
  }
}
