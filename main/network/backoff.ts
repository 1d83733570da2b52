import { backoffDelay, type BackoffPolicy } from '../../common/backoff';

export type { BackoffPolicy } from '../../common/backoff';

/** Background probes once the gateway stopped answering. */
export const DEFAULT_PROBE_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, factor: 2 };

/** The wait before probe number `attempt` (0-based): initial × factor^attempt, capped. */
export const probeDelay = backoffDelay;
