import type { ErrorKind } from '../../common/errors';

const UNREACHABLE_KINDS: ReadonlySet<ErrorKind> = new Set(['network', 'timeout']);

/** What a call's failure says about the gateway: gone, answered (even with an error), or nothing. */
export type CallVerdict = 'unreachable' | 'answered' | 'unknown';

/**
 * Gateway failures carry an `appError` (see main/realsee/errors.ts). A network or timeout kind
 * means no answer came back; any other kind means the gateway answered. Failures without an
 * `appError` (a keychain or storage problem) say nothing about the network.
 */
export function verdictOf(error: unknown): CallVerdict {
  const kind = gatewayErrorKind(error);
  if (kind === null) return 'unknown';
  return UNREACHABLE_KINDS.has(kind) ? 'unreachable' : 'answered';
}

const GATEWAY_KINDS: ReadonlySet<ErrorKind> = new Set(['network', 'timeout', 'auth', 'gateway', 'rate-limit', 'protocol']);

function gatewayErrorKind(error: unknown): ErrorKind | null {
  if (typeof error !== 'object' || error === null || !('appError' in error)) return null;
  const appError = (error as { appError: unknown }).appError;
  if (typeof appError !== 'object' || appError === null || !('kind' in appError)) return null;
  const kind = (appError as { kind: unknown }).kind as ErrorKind;
  return GATEWAY_KINDS.has(kind) ? kind : null;
}
