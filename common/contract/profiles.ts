import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { profileDraftSchema, profileSummarySchema } from '../profile';
import { method, noInput } from './method';

export const profileListSchema = z.object({
  profiles: z.array(profileSummarySchema),
  /** Set when the OS keychain could not be asked; profiles are still listed. */
  keychainProblem: appErrorSchema.nullable(),
  /** Set when some saved profiles could not be read; they are kept on disk, unlisted. */
  storageProblem: appErrorSchema.nullable(),
});

export const profilesContract = {
  listProfiles: method(noInput, profileListSchema),
  saveProfile: method(profileDraftSchema, profileSummarySchema),
  testProfileConnection: method(
    z.union([z.strictObject({ id: z.string().min(1) }), z.strictObject({ draft: profileDraftSchema })]),
    z.object({ checkedAt: z.number() }),
  ),
  activateProfile: method(z.strictObject({ id: z.string().min(1) }), profileSummarySchema),
  deleteProfile: method(z.strictObject({ id: z.string().min(1) }), z.object({ deleted: z.literal(true) })),
} as const;
