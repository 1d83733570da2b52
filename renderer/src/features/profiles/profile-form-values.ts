import type { z } from 'zod';
import { defaultEndpoints, defaultRoles, profileDraftSchema, type EndpointTable, type ProfileSummary } from '../../../../common/profile';
import { DEFAULT_REALSEE_TIME_ZONE } from '../../../../common/realsee-time';

export type EndpointName = keyof EndpointTable;
export const endpointNames = Object.keys(defaultEndpoints) as EndpointName[];
export type DraftRegion = 'global' | 'china' | 'legacy' | 'custom';
export type ProfileDraftInput = z.input<typeof profileDraftSchema>;

export interface ProfileFormValues {
  name: string;
  region: DraftRegion;
  customBaseUrl: string;
  appKey: string;
  /** Typed by the user; empty when editing means "keep the stored secret". */
  appSecret: string;
  userId: string;
  nickname: string;
  hostRole: string;
  guestRole: string;
  endpoints: Record<EndpointName, string>;
  /** IANA zone Realsee's time texts are read in. */
  timeZone: string;
  /** Where the agency deployed the guest page; empty: not set. */
  guestPageUrl: string;
}

export type ProfileFieldName = Exclude<keyof ProfileFormValues, 'endpoints'> | `endpoint.${EndpointName}`;
export type ProfileFieldErrors = Partial<Record<ProfileFieldName, string>>;

export function initialFormValues(existing?: ProfileSummary): ProfileFormValues {
  const endpoints = { ...defaultEndpoints, ...(existing?.endpoints ?? {}) };
  return {
    name: existing?.name ?? '',
    region: existing && existing.region !== 'sandbox' ? existing.region : 'global',
    customBaseUrl: existing?.customBaseUrl ?? '',
    appKey: existing?.appKey ?? '',
    appSecret: '',
    userId: existing?.userId ?? '',
    nickname: existing?.nickname ?? '',
    hostRole: existing?.roles.host ?? defaultRoles.host,
    guestRole: existing?.roles.guest ?? defaultRoles.guest,
    endpoints,
    timeZone: existing?.timeZone ?? DEFAULT_REALSEE_TIME_ZONE,
    guestPageUrl: existing && !existing.isSandbox ? (existing.guestPageUrl ?? '') : '',
  };
}

/** Only the paths that differ from Realsee's defaults are saved, so default changes reach old profiles. */
function changedEndpoints(endpoints: Record<EndpointName, string>): Partial<EndpointTable> | undefined {
  const changed = Object.fromEntries(
    endpointNames
      .filter((name) => endpoints[name].trim() !== '' && endpoints[name].trim() !== defaultEndpoints[name])
      .map((name) => [name, endpoints[name].trim()]),
  );
  return Object.keys(changed).length > 0 ? changed : undefined;
}

export function toDraft(values: ProfileFormValues, existingId?: string): ProfileDraftInput {
  const endpoints = changedEndpoints(values.endpoints);
  return {
    ...(existingId ? { id: existingId } : {}),
    name: values.name,
    region: values.region,
    ...(values.region === 'custom' ? { customBaseUrl: values.customBaseUrl.trim() } : {}),
    appKey: values.appKey,
    ...(values.appSecret !== '' ? { appSecret: values.appSecret } : {}),
    roles: { host: values.hostRole, guest: values.guestRole },
    ...(endpoints ? { endpoints } : {}),
    userId: values.userId,
    nickname: values.nickname,
    timeZone: values.timeZone.trim(),
    ...(values.guestPageUrl.trim() !== '' ? { guestPageUrl: values.guestPageUrl.trim() } : {}),
  };
}

type FieldMessages = Record<
  'name' | 'customBaseUrl' | 'appKey' | 'appSecret' | 'userId' | 'nickname' | 'roles' | 'endpoints' | 'timeZone' | 'fallback',
  string
> & { guestPageUrl?: string };

/** Checks the form with the same schema main uses; errors are keyed by field for inline display. */
export function validateProfileForm(
  values: ProfileFormValues,
  options: { isNew: boolean; existingId?: string; messages: FieldMessages },
): { ok: true; draft: ProfileDraftInput } | { ok: false; errors: ProfileFieldErrors } {
  const draft = toDraft(values, options.existingId);
  const errors: ProfileFieldErrors = {};
  const parsed = profileDraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path.map(String);
      const field = fieldFor(first, second);
      if (field && !errors[field]) errors[field] = messageFor(field, options.messages);
    }
  }
  if (values.region === 'custom' && values.customBaseUrl.trim() === '') errors.customBaseUrl = options.messages.customBaseUrl;
  if (options.isNew && values.appSecret === '') errors.appSecret = options.messages.appSecret;
  return Object.keys(errors).length === 0 ? { ok: true, draft } : { ok: false, errors };
}

function fieldFor(first: string | undefined, second: string | undefined): ProfileFieldName | undefined {
  switch (first) {
    case 'name':
    case 'customBaseUrl':
    case 'appKey':
    case 'appSecret':
    case 'userId':
    case 'nickname':
    case 'timeZone':
    case 'guestPageUrl':
      return first;
    case 'roles':
      return second === 'guest' ? 'guestRole' : 'hostRole';
    case 'endpoints':
      return endpointNames.includes(second as EndpointName) ? (`endpoint.${second}` as ProfileFieldName) : undefined;
    default:
      return undefined;
  }
}

function messageFor(field: ProfileFieldName, messages: FieldMessages): string {
  if (field === 'hostRole' || field === 'guestRole') return messages.roles;
  if (field.startsWith('endpoint.')) return messages.endpoints;
  if (field === 'region') return messages.fallback;
  return messages[field as keyof FieldMessages] ?? messages.fallback;
}
