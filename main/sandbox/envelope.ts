import { randomRequestId } from './random';

/**
 * Business codes the sandbox answers with. 0, -1 and -3 are Realsee's documented codes; Realsee's
 * codes for rate limits and transport-level failures are unknown, so the sandbox picks negative
 * codes that mirror the HTTP status (clients must decide on the HTTP status and `code` together).
 */
export const SANDBOX_CODES = {
  ok: 0,
  /** Authentication failed: wrong credentials or an unknown access token. */
  authFailed: -1,
  /** Business or parameter error; also "miss authorization" and expired tokens (as Realsee does). */
  business: -3,
  /** Answered with HTTP 403 to a request from another site (foreign Host, Origin or Sec-Fetch-Site). */
  forbidden: -403,
  notFound: -404,
  methodNotAllowed: -405,
  payloadTooLarge: -413,
  /** Answered with HTTP 429 when a per-app-key or per-IP limit is exceeded. */
  rateLimited: -429,
  serverError: -500,
} as const;

export interface RealseeEnvelope {
  request_id: string;
  trace_id: string;
  business_code: string;
  osi_request_id: string;
  code: number;
  status: string;
  data: unknown;
  cost: number;
}

export function buildEnvelope(code: number, status: string, data: unknown, costMs = 0): RealseeEnvelope {
  return {
    request_id: randomRequestId(),
    trace_id: randomRequestId(),
    business_code: code === 0 ? '0' : `SANDBOX_${Math.abs(code)}`,
    osi_request_id: randomRequestId(),
    code,
    status,
    data,
    cost: costMs,
  };
}

export function successEnvelope(data: unknown): RealseeEnvelope {
  return buildEnvelope(SANDBOX_CODES.ok, 'success', data);
}

/** A refusal the handlers throw; the server turns it into an error envelope with `data: null`. */
export class GatewayError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    readonly httpStatus = 200,
    readonly headers: Record<string, string> = {},
  ) {
    super(status);
    this.name = 'GatewayError';
  }
}

export const paramError = (status: string): GatewayError => new GatewayError(SANDBOX_CODES.business, status);
