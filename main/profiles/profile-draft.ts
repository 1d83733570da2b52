import type { z } from 'zod';
import { defaultRoles, profileDraftSchema, roleNamesSchema, SANDBOX_PROFILE_ID } from '../../common/profile';
import { appFailure } from '../app-failure';
import type { StoredProfile } from './profile-store';

/** A draft as `save` accepts it: like ProfileDraft, but roles may be left out (then the defaults apply). */
export const profileDraftInputSchema = profileDraftSchema.extend({ roles: roleNamesSchema.optional() });
export type ProfileDraftInput = z.input<typeof profileDraftInputSchema>;

/** Zod's issue texts never quote the input, so a refused draft cannot leak its secret. */
export function parseDraft(draft: unknown) {
  const parsed = profileDraftInputSchema.safeParse(draft);
  if (!parsed.success) {
    const text = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'profile'}: ${issue.message}`).join('; ');
    throw appFailure('validation', `The profile is not complete: ${text}.`);
  }
  const value = parsed.data;
  if (value.region === 'custom' && !value.customBaseUrl) {
    throw appFailure('validation', 'A custom region needs a base URL (for example https://gateway.example.com).');
  }
  if (value.id === SANDBOX_PROFILE_ID) throw appFailure('forbidden', 'The built-in sandbox profile cannot be edited.');
  return value;
}

export type ParsedDraft = ReturnType<typeof parseDraft>;

export function storedFields(draft: ParsedDraft): Omit<StoredProfile, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    name: draft.name,
    region: draft.region,
    ...(draft.region === 'custom' && draft.customBaseUrl ? { customBaseUrl: draft.customBaseUrl } : {}),
    appKey: draft.appKey,
    roles: draft.roles ?? { ...defaultRoles },
    ...(draft.endpoints && Object.keys(draft.endpoints).length > 0 ? { endpoints: draft.endpoints } : {}),
    userId: draft.userId,
    nickname: draft.nickname,
    ...(draft.timeZone === undefined ? {} : { timeZone: draft.timeZone }),
    ...(draft.guestPageUrl ? { guestPageUrl: draft.guestPageUrl } : {}),
  };
}
