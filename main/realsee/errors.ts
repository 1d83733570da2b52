import type { AppError } from '../../common/errors';
import { AppFailure, toAppError } from '../app-failure';

/** A failure of a gateway call, carrying the data the UI shows. Its message is `appError.message`. */
export class GatewayError extends AppFailure {
  /**
   * False only when we know the request never left this machine (e.g. connection refused).
   * Decides whether a failed room creation is "not created" or "outcome unknown".
   */
  readonly mayHaveReachedServer: boolean;

  constructor(appError: AppError, options: { mayHaveReachedServer?: boolean } = {}) {
    super(appError);
    this.mayHaveReachedServer = options.mayHaveReachedServer ?? true;
  }
}

const UNEXPECTED_MESSAGE =
  'Something unexpected went wrong while talking to the Realsee gateway. Try again; if it keeps happening, report it.';

export const REDACTED = '[redacted]';

/**
 * Values shorter than this are not scrubbed: replacing every "ab" in a text would garble it, and
 * real secrets and tokens are far longer.
 */
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of each secret (and its URL-encoded form) in `text`. */
export function redact(text: string, secrets: Iterable<string>): string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  let result = text;
  for (const variant of [...variants].sort((a, b) => b.length - a.length)) {
    result = result.split(variant).join(REDACTED);
  }
  return result;
}

export function redactAppError(error: AppError, secrets: Iterable<string>): AppError {
  const list = [...secrets];
  const result: AppError = { ...error, message: redact(error.message, list) };
  if (error.status !== undefined) result.status = redact(error.status, list);
  if (error.requestId !== undefined) result.requestId = redact(error.requestId, list);
  return result;
}

/**
 * The secrets one client has seen (app secret, tokens, tickets, signatures), so any text leaving
 * the client can be scrubbed of them. Short-lived values are kept only for the most recent few.
 */
export class SecretRegistry {
  private readonly permanent: string[] = [];
  private readonly recent: string[] = [];

  constructor(private readonly recentLimit = 64) {}

  addPermanent(value: string): void {
    if (value) this.permanent.push(value);
  }

  addRecent(value: string): void {
    if (!value) return;
    this.recent.push(value);
    if (this.recent.length > this.recentLimit) this.recent.shift();
  }

  values(): string[] {
    return [...this.permanent, ...this.recent];
  }

  redact(text: string): string {
    return redact(text, this.values());
  }

  /** Converts any thrown value into a GatewayError whose texts hold no known secret. */
  scrub(e: unknown): GatewayError {
    const appError = redactAppError(toAppError(e, UNEXPECTED_MESSAGE), this.values());
    const mayHaveReachedServer = e instanceof GatewayError ? e.mayHaveReachedServer : true;
    return new GatewayError(appError, { mayHaveReachedServer });
  }
}
