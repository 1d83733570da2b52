import { z } from 'zod';
import { method, noInput } from './method';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Base URL of the embedded sandbox gateway, when it is running. */
  sandboxBaseUrl: z.string().nullable(),
});

export const appContract = {
  getAppInfo: method(noInput, appInfoSchema),
} as const;
