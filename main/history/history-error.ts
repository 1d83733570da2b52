import type { AppError, ErrorKind } from '../../common/errors';

/** A failure of the history service, carrying the AppError the bridge sends to the renderer. */
export class HistoryError extends Error {
  readonly appError: AppError;

  constructor(kind: Extract<ErrorKind, 'storage' | 'not-found' | 'validation' | 'protocol'>, message: string) {
    super(message);
    this.name = 'HistoryError';
    this.appError = { kind, message };
  }
}
