import type { ProfileSummary } from '../../../common/profile';
import type { Messages } from '../i18n/en';
import { plainText } from './untrusted-text';

/** The sandbox's stored name is English; show it in the UI language. */
export function profileName(profile: ProfileSummary, t: Messages): string {
  return profile.isSandbox ? t.profile.sandboxName : plainText(profile.name);
}

export function regionLabel(profile: ProfileSummary, t: Messages): string {
  if (profile.isSandbox) return t.profile.sandboxNote;
  if (profile.region === 'custom') return profile.customBaseUrl ?? profile.baseUrl;
  return t.profile.region[profile.region];
}
