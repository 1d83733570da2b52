import { defaultEndpoints, type EndpointTable, type RoleNames } from '../../common/profile';

/** Everything the gateway client needs to talk to one Realsee gateway on behalf of one app. */
export interface GatewayProfile {
  /** e.g. https://app-gateway.realsee.ai, or the sandbox's loopback URL. */
  baseUrl: string;
  /** The App Key (Realsee also calls it Application Id); sent as `app_id` in live calls. */
  appKey: string;
  appSecret: string;
  roles: RoleNames;
  /** Paths that differ from Realsee's documented ones (several are unconfirmed). */
  endpoints?: Partial<EndpointTable>;
  timeouts?: { requestMs?: number; tokenSafetyMarginSeconds?: number };
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_TOKEN_SAFETY_MARGIN_SECONDS = 30;

export function resolveEndpoints(profile: Pick<GatewayProfile, 'endpoints'>): EndpointTable {
  const overrides = Object.fromEntries(
    Object.entries(profile.endpoints ?? {}).filter(([, path]) => typeof path === 'string' && path.length > 0),
  );
  return { ...defaultEndpoints, ...overrides };
}

export function resolveRequestTimeoutMs(profile: GatewayProfile): number {
  return profile.timeouts?.requestMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
}

export function resolveTokenSafetyMarginSeconds(profile: GatewayProfile): number {
  return profile.timeouts?.tokenSafetyMarginSeconds ?? DEFAULT_TOKEN_SAFETY_MARGIN_SECONDS;
}

/** Joins a base URL (which may carry a path prefix) and an endpoint path without losing either. */
export function endpointUrl(baseUrl: string, path: string, query?: Record<string, string>): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return url;
}
