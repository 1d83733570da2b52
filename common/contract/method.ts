import { z } from 'zod';

/** A bridge method: the schema of what goes in and of what comes out. */
// Inputs are strict objects: a key the contract does not name is refused, not ignored.
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/** The input of a method that takes none. */
export const noInput = z.undefined();
