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

/**
 * Replaces every occurrence of each secret in `text`, however it is spelled: plain, JSON-escaped,
 * or percent-encoded in any mix (encodeURIComponent, form encoding with `+` for a space and
 * `!'()~*` escaped, upper- or lower-case hex).
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const patterns = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .map(spellingsPattern);
  if (patterns.length === 0) return text;
  return text.replace(new RegExp(patterns.join('|'), 'g'), REDACTED);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A pattern matching any one spelling of each character of `secret`, in sequence. */
function spellingsPattern(secret: string): string {
  return [...secret]
    .map((char) => {
      const spellings = new Set([escapeRegExp(char), escapeRegExp(JSON.stringify(char).slice(1, -1))]);
      const percent = [...new TextEncoder().encode(char)]
        .map((byte) => {
          const hex = byte.toString(16).padStart(2, '0');
          return `%[${hex[0]!.toLowerCase()}${hex[0]!.toUpperCase()}][${hex[1]!.toLowerCase()}${hex[1]!.toUpperCase()}]`;
        })
        .join('');
      spellings.add(percent);
      if (char === ' ') spellings.add('\\+');
      return `(?:${[...spellings].join('|')})`;
    })
    .join('');
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
