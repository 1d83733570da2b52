import { z } from 'zod';

/**
 * Every failure that crosses a process boundary is one of these kinds. The kind decides what the
 * UI offers (retry, fix settings, check the room list); the message is written for the agent.
 */
export const errorKinds = [
  'network', // the gateway could not be reached
  'timeout', // the gateway did not answer in time
  'auth', // credentials refused or token could not be obtained
  'gateway', // the gateway answered with a business error (code != 0)
  'rate-limit', // too many requests
  'protocol', // the answer was not what the contract says (not JSON, wrong shape)
  'validation', // our own input was refused before anything was sent
  'outcome-unknown', // a non-idempotent request may or may not have taken effect
  'keychain', // the OS keychain is unavailable or refused
  'storage', // a local file could not be read or written
  'not-found', // a local record does not exist
  'forbidden', // the caller is not allowed to do this
  'internal', // a bug: something we did not expect
] as const;

export type ErrorKind = (typeof errorKinds)[number];

export const appErrorSchema = z.object({
  kind: z.enum(errorKinds),
  message: z.string(),
  /** Realsee's numeric business code, when the gateway gave one. */
  code: z.number().optional(),
  /** Realsee's status text, when the gateway gave one. */
  status: z.string().optional(),
  /** Realsee's request_id: what Realsee support asks for. */
  requestId: z.string().optional(),
  /** HTTP status, when there was an HTTP answer. */
  httpStatus: z.number().optional(),
});

export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
