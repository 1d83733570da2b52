import type { ErrorKind } from '../../common/errors';
import { AppFailure } from '../app-failure';

const UNREACHABLE_KINDS: ReadonlySet<ErrorKind> = new Set(['network', 'timeout']);

/** What a call's failure says about the gateway: gone, answered (even with an error), or nothing. */
export type CallVerdict = 'unreachable' | 'answered' | 'unknown';

/**
 * Gateway failures are AppFailures of a gateway kind (see main/realsee/errors.ts). A network or
 * timeout kind means no answer came back; any other gateway kind means the gateway answered. Other
 * failures (a keychain or storage problem, a bug) say nothing about the network.
 */
export function verdictOf(error: unknown): CallVerdict {
  const kind = gatewayErrorKind(error);
  if (kind === null) return 'unknown';
  return UNREACHABLE_KINDS.has(kind) ? 'unreachable' : 'answered';
}

const GATEWAY_KINDS: ReadonlySet<ErrorKind> = new Set(['network', 'timeout', 'auth', 'gateway', 'rate-limit', 'protocol']);

function gatewayErrorKind(error: unknown): ErrorKind | null {
  if (!(error instanceof AppFailure)) return null;
  const { kind } = error.appError;
  return GATEWAY_KINDS.has(kind) ? kind : null;
}
