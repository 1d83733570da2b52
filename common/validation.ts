import { z } from 'zod';
import type { AppError } from './errors';

/** Turns a zod failure into a validation error a person can read ("✖ name: Too small …"). */
export function validationError(error: z.ZodError, what: string): AppError {
  return { kind: 'validation', message: `${what} is not valid:\n${z.prettifyError(error)}` };
}
