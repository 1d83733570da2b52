export interface BackoffPolicy {
  /** Wait before the first background probe once the gateway stopped answering. */
  initialMs: number;
  /** The wait never grows past this. */
  maxMs: number;
  factor: number;
}

export const DEFAULT_PROBE_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, factor: 2 };

/** The wait before probe number `attempt` (0-based): initial × factor^attempt, capped. */
export function probeDelay(policy: BackoffPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** attempt);
}
