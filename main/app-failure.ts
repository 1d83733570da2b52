import type { AppError, ErrorKind } from '../common/errors';

/**
 * A failure a service reports to the agent. `appError` is what crosses the bridge; the message is
 * `appError.message`, written for the agent. Subclasses exist only where a failure carries more
 * (GatewayError: whether the request may have reached the server).
 */
export class AppFailure extends Error {
  readonly appError: AppError;

  constructor(appError: AppError, options?: ErrorOptions) {
    super(appError.message, options);
    this.name = new.target.name;
    this.appError = appError;
  }
}

export function appFailure(kind: ErrorKind, message: string): AppFailure {
  return new AppFailure({ kind, message });
}

const UNEXPECTED_MESSAGE = 'Something unexpected went wrong in Roomdesk. Try again; if it keeps happening, report it.';

/**
 * The one reader of thrown values: the AppError an AppFailure carries, or an `internal` one with
 * `fallbackMessage` for anything else (a bug: the original stays in main, its text may hold secrets).
 */
export function toAppError(error: unknown, fallbackMessage = UNEXPECTED_MESSAGE): AppError {
  if (error instanceof AppFailure) return { ...error.appError };
  return { kind: 'internal', message: fallbackMessage };
}
