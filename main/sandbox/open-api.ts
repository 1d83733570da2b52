import { createHmac } from 'node:crypto';
import { defaultEndpoints } from '../../common/profile';
import { DEMO_HOMES, demoWork, findDemoHome } from './demo-vrs';
import { GatewayError, paramError, SANDBOX_CODES } from './envelope';
import {
  authorize,
  enforceAppRateLimit,
  isConfiguredRole,
  requireMatchingAppId,
  type GatewayCall,
  type GatewayContext,
} from './gateway-context';
import { mediaType } from './http-io';
import { jsonObjectField, parseJsonBody, parseMembers, requireString, type Params } from './params';
import { buildRoomDetail } from './room-detail';
import { unixSeconds } from './realsee-time';
import { chimeSign } from './voice-sign';
import { vrAssetBase, vrCoverUrl } from './vr-assets';

export interface OpenApiRoute {
  method: 'GET' | 'POST';
  /** Returns the envelope's `data`; throws GatewayError for refusals. */
  handle(context: GatewayContext, call: GatewayCall): unknown;
}

export const openApiRoutes: ReadonlyMap<string, OpenApiRoute> = new Map<string, OpenApiRoute>([
  [defaultEndpoints.accessToken, { method: 'POST', handle: issueAccessToken }],
  [defaultEndpoints.createRoom, { method: 'POST', handle: createRoom }],
  [defaultEndpoints.roomTicket, { method: 'POST', handle: applyTicket }],
  [defaultEndpoints.voiceSign, { method: 'POST', handle: signVoice }],
  [defaultEndpoints.roomDetail, { method: 'GET', handle: roomDetail }],
  [defaultEndpoints.vrList, { method: 'GET', handle: vrList }],
  [defaultEndpoints.vrWork, { method: 'GET', handle: (context, call) => vrWork(context, call, 'vr_code') }],
  [defaultEndpoints.vrInfo, { method: 'GET', handle: (context, call) => vrWork(context, call, 'resource_code') }],
]);

function issueAccessToken(context: GatewayContext, call: GatewayCall): unknown {
  if (mediaType(call.request) !== 'application/x-www-form-urlencoded') {
    throw paramError('param error: Content-Type must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(call.body);
  const appKey = form.get('app_key') ?? '';
  const appSecret = form.get('app_secret') ?? '';
  if (appKey === '' || appSecret === '') {
    throw new GatewayError(SANDBOX_CODES.authFailed, 'authentication failed: app_key and app_secret are required');
  }
  if (context.tokens.knowsApp(appKey)) enforceAppRateLimit(context, appKey);
  return context.tokens.issue(appKey, appSecret);
}

/** The common start of every JSON call: a valid token, a JSON body, and the token's own app_id. */
function authorizedJsonCall(context: GatewayContext, call: GatewayCall) {
  const appKey = authorize(context, call);
  const params = parseJsonBody(call.request, call.body);
  requireMatchingAppId(appKey, requireString(params, 'app_id'));
  return { appKey, params };
}

function requireConfiguredRole(context: GatewayContext, params: Params, field: string): string {
  const role = requireString(params, field);
  if (!isConfiguredRole(context, role)) throw paramError(`param error: ${field} "${role}" is not a configured role`);
  return role;
}

function createRoom(context: GatewayContext, call: GatewayCall): unknown {
  const { appKey, params } = authorizedJsonCall(context, call);
  const createUserId = requireString(params, 'create_user_id');
  const createUserRole = requireConfiguredRole(context, params, 'create_user_role');
  const members = parseMembers(params, (role) => isConfiguredRole(context, role));
  const additive = jsonObjectField(params, 'additive');
  const room = context.rooms.create({ appKey, createUserId, createUserRole, members, additive });
  return { room_code: room.roomCode, room_link: room.roomLink };
}

function applyTicket(context: GatewayContext, call: GatewayCall): unknown {
  const { appKey, params } = authorizedJsonCall(context, call);
  const userId = requireString(params, 'user_id');
  const role = requireConfiguredRole(context, params, 'user_role');
  const roomCode = requireString(params, 'room_code');
  const extension = jsonObjectField(params, 'extension');
  const room = context.rooms.requireOpenForApp(roomCode, appKey);
  const ticket = context.tickets.issue({ roomCode, userId, role, extension });
  return { ticket, room_link: room.roomLink };
}

/** `voice_id` is a string in Realsee's docs (default ""): a number is refused, as a typed server would. */
function signVoice(context: GatewayContext, call: GatewayCall): unknown {
  const { appKey, params } = authorizedJsonCall(context, call);
  const userIdentifier = requireString(params, 'user_identifier');
  requireConfiguredRole(context, params, 'user_role');
  const room = context.rooms.requireOpenForApp(requireString(params, 'room_code'), appKey);
  const voiceId = params.voice_id;
  if (voiceId !== undefined && voiceId !== null && voiceId !== '') {
    if (typeof voiceId !== 'string') throw paramError('param error: voice_id must be a string');
    if (voiceId.trim() !== String(room.voiceId)) throw paramError('param error: voice_id does not belong to this room');
  }
  const expiresAt = unixSeconds(context.clock.now()) + 24 * 60 * 60;
  const signature = createHmac('sha256', context.voiceSignKey)
    .update(`${context.voiceAppId}\n${userIdentifier}\n${room.voiceId}\n${expiresAt}`)
    .digest('base64url');
  const sign =
    context.voiceVendor === 'chime'
      ? chimeSign({ appKey, userIdentifier, roomCode: room.roomCode, voiceId: room.voiceId, expiresAt, signature })
      : `${expiresAt}.${signature}`;
  return { voice_app_id: context.voiceAppId, user_identifier: userIdentifier, sign };
}

function roomDetail(context: GatewayContext, call: GatewayCall): unknown {
  const appKey = authorize(context, call);
  const query = Object.fromEntries(call.url.searchParams);
  requireMatchingAppId(appKey, requireString(query, 'app_id'));
  const room = context.rooms.requireForApp(requireString(query, 'room_code'), appKey);
  return buildRoomDetail(room, {
    appNumericId: context.appNumericId(appKey),
    baseUrl: context.baseUrl(),
    roles: context.roles,
    ticketTtlSeconds: context.ticketTtlSeconds,
    voiceVendor: context.voiceVendor,
  });
}

function vrList(context: GatewayContext, call: GatewayCall): unknown {
  authorize(context, call);
  const page = positiveInteger(call.url.searchParams.get('page'), 'page', 1);
  const pageSize = positiveInteger(call.url.searchParams.get('page_size'), 'page_size', 10);
  if (pageSize > 100) throw paramError('param error: page_size must be at most 100');
  const start = (page - 1) * pageSize;
  return {
    list: DEMO_HOMES.slice(start, start + pageSize).map((home) => ({
      vr_code: home.vr_code,
      name: home.name,
      create_time: home.create_time,
      // Not in Realsee's documented list shape; clients must live without it.
      cover_url: vrCoverUrl(context.baseUrl(), home.vr_code),
    })),
    total: DEMO_HOMES.length,
    page_size: pageSize,
    current_page: page,
  };
}

/**
 * A demo VR's Work: legacy `GET /open/v1/entity/vr?vr_code=` and current
 * `GET /open/v3/vr/info?resource_code=` answer the same unsigned Work, the current one also
 * naming it by `resource_code`.
 */
function vrWork(context: GatewayContext, call: GatewayCall, codeParameter: 'vr_code' | 'resource_code'): unknown {
  authorize(context, call);
  const code = requireString(Object.fromEntries(call.url.searchParams), codeParameter);
  const home = findDemoHome(code);
  if (home === undefined) throw paramError(`vr not found: ${code}`);
  const work = demoWork(home, vrAssetBase(context.baseUrl(), home.vr_code), vrCoverUrl(context.baseUrl(), home.vr_code));
  return codeParameter === 'resource_code' ? { resource_code: home.vr_code, ...work } : work;
}

function positiveInteger(raw: string | null, field: string, fallback: number): number {
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw paramError(`param error: ${field} must be a positive integer`);
  return Number(raw);
}
