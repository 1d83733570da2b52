/**
 * Reconnection delays: exponential growth from `baseMs`, capped at `maxMs`, with "full jitter"
 * (a uniform pick in [delay × (1 − jitter), delay]) so many clients dropped together do not
 * all come back in the same instant. `maxAttempts` bounds how long a client keeps trying.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** 0 = no jitter, 1 = anything between 0 and the exponential delay. */
  jitter: number;
  maxAttempts: number;
}

export const LIVE_CHANNEL_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 500, maxMs: 30_000, jitter: 0.5, maxAttempts: 8 });

/**
 * The delay before attempt `attempt` (1-based), or null when the policy gives up.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function reconnectDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  if (attempt > policy.maxAttempts) return null;
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  const pick = Math.min(Math.max(random(), 0), 1);
  return Math.round(exponential * (1 - jitter * pick));
}
