/** Pure mappings from a stored profile to what the renderer sees (a summary) and what the gateway client needs. */
import { defaultRoles, regionBaseUrls, SANDBOX_PROFILE_ID, type ProfileSummary } from '../../common/profile';
import { DEFAULT_REALSEE_TIME_ZONE, isTimeZone } from '../../common/realsee-time';
import { GUEST_PAGE_PREFIX } from '../sandbox/guest-page';
import { endpointUrl, resolveEndpoints, type GatewayProfile } from '../realsee/profile';
import type { StoredProfile } from './profile-store';

/** The built-in sandbox gateway's credentials, or null while it is not running. */
export interface SandboxCredentials {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  userId?: string;
  nickname?: string;
}

const SANDBOX_NAME = 'Sandbox (built in)';
const SANDBOX_USER_ID = 'sandbox-agent';
const SANDBOX_NICKNAME = 'Sandbox agent';

export function baseUrlOf(profile: Pick<StoredProfile, 'region' | 'customBaseUrl'>): string {
  return profile.region === 'custom' ? (profile.customBaseUrl ?? '') : regionBaseUrls[profile.region];
}

export function summaryOf(profile: StoredProfile, hasSecret: boolean, active: boolean): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    region: profile.region,
    baseUrl: baseUrlOf(profile),
    ...(profile.customBaseUrl === undefined ? {} : { customBaseUrl: profile.customBaseUrl }),
    appKey: profile.appKey,
    roles: { ...profile.roles },
    ...(profile.endpoints === undefined ? {} : { endpoints: { ...profile.endpoints } }),
    userId: profile.userId,
    nickname: profile.nickname,
    timeZone: profile.timeZone !== undefined && isTimeZone(profile.timeZone) ? profile.timeZone : DEFAULT_REALSEE_TIME_ZONE,
    ...(profile.guestPageUrl === undefined ? {} : { guestPageUrl: profile.guestPageUrl }),
    hasSecret,
    isSandbox: false,
    active,
  };
}

export function sandboxSummary(sandbox: SandboxCredentials, active: boolean): ProfileSummary {
  return {
    id: SANDBOX_PROFILE_ID,
    name: SANDBOX_NAME,
    region: 'sandbox',
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    roles: { ...defaultRoles },
    userId: sandbox.userId ?? SANDBOX_USER_ID,
    nickname: sandbox.nickname ?? SANDBOX_NICKNAME,
    timeZone: DEFAULT_REALSEE_TIME_ZONE,
    guestPageUrl: `${sandbox.baseUrl.replace(/\/+$/, '')}${GUEST_PAGE_PREFIX}`,
    hasSecret: true,
    isSandbox: true,
    active,
  };
}

type GatewayFields = Pick<StoredProfile, 'region' | 'customBaseUrl' | 'appKey' | 'roles' | 'endpoints'>;

export function gatewayProfileOf(fields: GatewayFields, appSecret: string): GatewayProfile {
  return {
    baseUrl: baseUrlOf(fields),
    appKey: fields.appKey,
    appSecret,
    roles: { ...fields.roles },
    ...(fields.endpoints === undefined ? {} : { endpoints: { ...fields.endpoints } }),
  };
}

/**
 * Every origin a profile's calls go to: its base URL's and each endpoint's (an override could move
 * a call elsewhere). A stored App Secret may only be sent to the origins it was saved with.
 */
export function gatewayOriginsOf(fields: Pick<StoredProfile, 'region' | 'customBaseUrl' | 'endpoints'>): string {
  const baseUrl = baseUrlOf(fields);
  const origins = new Set<string>();
  try {
    origins.add(new URL(baseUrl).origin);
    for (const path of Object.values(resolveEndpoints(fields))) origins.add(endpointUrl(baseUrl, path).origin);
  } catch {
    origins.add(`unparsable:${baseUrl}`);
  }
  return [...origins].sort().join(' ');
}

export function sandboxGatewayProfile(sandbox: SandboxCredentials): GatewayProfile {
  return { baseUrl: sandbox.baseUrl, appKey: sandbox.appKey, appSecret: sandbox.appSecret, roles: { ...defaultRoles } };
}
