import { z } from 'zod';
import { guestPageUrlSchema } from './guest-link';
import { timeZoneSchema } from './realsee-time';
import { isAllowedTransport, TRANSPORT_RULE_TEXT } from './transport';

export const regions = ['global', 'china', 'legacy', 'custom', 'sandbox'] as const;
export type Region = (typeof regions)[number];

export const regionBaseUrls: Record<Exclude<Region, 'custom' | 'sandbox'>, string> = {
  global: 'https://app-gateway.realsee.ai',
  china: 'https://app-gateway.realsee.cn',
  legacy: 'https://app-gateway.realsee.com',
};

export const SANDBOX_PROFILE_ID = 'sandbox';

/** Paths of the Realsee Open API operations. Several are not confirmed, so each is overridable. */
export const endpointTableSchema = z.object({
  accessToken: z.string().startsWith('/'),
  createRoom: z.string().startsWith('/'),
  roomTicket: z.string().startsWith('/'),
  voiceSign: z.string().startsWith('/'),
  roomDetail: z.string().startsWith('/'),
  vrList: z.string().startsWith('/'),
  /** A VR's Work for Five (legacy): `?vr_code=`; answers the signed Work JSON. */
  vrWork: z.string().startsWith('/'),
  /** A VR's Work for Five (current): `?resource_code=`; answer schema undocumented. */
  vrInfo: z.string().startsWith('/'),
});
export type EndpointTable = z.infer<typeof endpointTableSchema>;

export const defaultEndpoints: EndpointTable = {
  accessToken: '/auth/access_token',
  createRoom: '/open/v1/live/entrance',
  roomTicket: '/open/v1/live/apply/ticket',
  voiceSign: '/open/v1/live/voice/sign',
  roomDetail: '/open/v1/live/room/detail',
  vrList: '/open/v1/entity/vr/list',
  vrWork: '/open/v1/entity/vr',
  vrInfo: '/open/v3/vr/info',
};

export const roleNamesSchema = z.object({
  host: z.string().trim().min(1).max(64),
  guest: z.string().trim().min(1).max(64),
});
export type RoleNames = z.infer<typeof roleNamesSchema>;
export const defaultRoles: RoleNames = { host: 'anchor', guest: 'audience' };

const profileId = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** A profile as the renderer sees it: never the secret, only whether one is stored. */
export const profileSummarySchema = z.object({
  id: profileId,
  name: z.string(),
  region: z.enum(regions),
  baseUrl: z.string(),
  customBaseUrl: z.string().optional(),
  appKey: z.string(),
  roles: roleNamesSchema,
  endpoints: endpointTableSchema.partial().optional(),
  userId: z.string(),
  nickname: z.string(),
  /** The IANA zone Realsee's time texts are read in for this account (default Asia/Shanghai). */
  timeZone: z.string(),
  /** Where guest passes open (the agency's deployed guest page; the sandbox's own /guest/); absent: not set. */
  guestPageUrl: z.string().optional(),
  hasSecret: z.boolean(),
  isSandbox: z.boolean(),
  active: z.boolean(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

/** What the renderer sends to create or edit a profile. Omitting appSecret keeps the stored one. */
export const profileDraftSchema = z.strictObject({
  id: profileId.optional(),
  name: z.string().trim().min(1).max(80),
  region: z.enum(['global', 'china', 'legacy', 'custom']),
  customBaseUrl: z
    .url({ protocol: /^https?$/ })
    .refine((url) => isAllowedTransport(url, ['web']), { message: `The gateway address must use ${TRANSPORT_RULE_TEXT}` })
    .optional(),
  appKey: z.string().trim().min(1).max(128),
  appSecret: z.string().min(1).max(512).optional(),
  roles: roleNamesSchema,
  endpoints: endpointTableSchema.partial().optional(),
  userId: z.string().trim().min(1).max(128),
  nickname: z.string().trim().max(64),
  /** Omitted: Asia/Shanghai, the zone Realsee's times point to in every region. */
  timeZone: timeZoneSchema.optional(),
  /** The agency's deployed guest page; omitted: none yet (guest passes then say to set it). Not a secret. */
  guestPageUrl: guestPageUrlSchema.optional(),
});
export type ProfileDraft = z.infer<typeof profileDraftSchema>;
