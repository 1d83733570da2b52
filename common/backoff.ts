export interface BackoffPolicy {
  /** Wait before the first retry. */
  initialMs: number;
  /** The wait never grows past this. */
  maxMs: number;
  factor: number;
}

/** The wait before retry number `attempt` (0-based): initial × factor^attempt, capped. */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** attempt);
}
