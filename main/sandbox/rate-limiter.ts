import type { Clock } from './clock';

const WINDOW_MS = 60_000;

/** Sliding one-minute window per key, read from the sandbox clock. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limitPerMinute: number,
  ) {}

  /** Records a request for `key`; false when it is over the limit (the refused one is not counted). */
  allow(key: string): boolean {
    const now = this.clock.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.limitPerMinute) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  /** Seconds until a slot frees up for `key`. */
  retryAfterSeconds(key: string): number {
    const oldest = this.hits.get(key)?.[0];
    if (oldest === undefined) return 0;
    return Math.max(1, Math.ceil((oldest + WINDOW_MS - this.clock.now()) / 1000));
  }
}
