import { redact, REDACTED } from '../realsee/errors';
import type { AppError, ErrorKind } from '../../common/errors';

/** A failure of the profile service. Its message is `appError.message`, written for the agent. */
export class ProfileError extends Error {
  readonly appError: AppError;

  constructor(appError: AppError) {
    super(appError.message);
    this.name = 'ProfileError';
    this.appError = appError;
  }
}

export function profileError(kind: ErrorKind, message: string): ProfileError {
  return new ProfileError({ kind, message });
}

export function carriesAppError(error: unknown): error is Error & { appError: AppError } {
  if (typeof error !== 'object' || error === null || !('appError' in error)) return false;
  const appError = (error as { appError: unknown }).appError;
  return (
    typeof appError === 'object' &&
    appError !== null &&
    typeof (appError as { kind?: unknown }).kind === 'string' &&
    typeof (appError as { message?: unknown }).message === 'string'
  );
}

/** Replaces every occurrence of `secret` in `text`; keeps texts readable when there is none. */
export function withoutSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return redact(text.split(secret).join(REDACTED), [secret]);
}
