import { appErrorSchema, type AppError } from '../../common/errors';

/** The AppError a service attached to what it threw, or a generic one (the original stays in main). */
export function appErrorOf(error: unknown, fallback: string): AppError {
  const carried = typeof error === 'object' && error !== null ? (error as { appError?: unknown }).appError : undefined;
  const parsed = appErrorSchema.safeParse(carried);
  return parsed.success ? parsed.data : { kind: 'internal', message: fallback };
}

/** An error the bridge dispatcher passes to the renderer as is. */
export function viewerError(appError: AppError): Error & { appError: AppError } {
  return Object.assign(new Error(appError.message), { appError });
}
