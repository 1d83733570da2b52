import type { z } from 'zod';
import { isAllowedTransport, TRANSPORT_RULE_TEXT } from '../../common/transport';
import { GatewayError, SecretRegistry } from './errors';
import {
  businessFailure,
  credentialsRefused,
  invalidInput,
  protocolFailure,
  roomCreationOutcomeUnknown,
  tokenRefused,
  type GatewayAnswerFacts,
} from './failures';
import { envelopeFacts, realSleep, sendGatewayRequest, type FetchLike, type GatewayAnswer, type HttpDeps, type Sleep } from './http';
import {
  createRoomInputSchema,
  parseInput,
  roomCodeSchema,
  roomTicketInputSchema,
  voiceSignatureInputSchema,
  vrCodeSchema,
  vrListPageSchema,
  type CreateRoomInput,
  type RoomTicketInput,
  type VoiceSignatureInput,
} from './inputs';
import { endpointUrl, resolveEndpoints, resolveRequestTimeoutMs, resolveTokenSafetyMarginSeconds, type GatewayProfile } from './profile';
import {
  accessTokenDataSchema,
  createRoomDataSchema,
  envelopeText,
  isSuccess,
  roomDetailDataSchema,
  roomTicketDataSchema,
  voiceSignDataSchema,
  vrListDataSchema,
  type Envelope,
  type RoomDetail,
} from './schemas';
import { TokenCache, type IssuedToken } from './token-cache';
import { toVrWork, vrWorkAnswerSchema, type VrWork, type VrWorkSource } from './vr-work';

/** A Work lists every panorama's images and observers: far larger than other answers. */
const MAX_WORK_BYTES = 8 * 1024 * 1024;

export interface GatewayClientDeps {
  fetch?: FetchLike;
  /** Milliseconds since epoch. */
  now?: () => number;
  sleep?: Sleep;
}

export interface CreatedRoom {
  roomCode: string;
  roomLink: string;
}

/** Works once and for about five minutes: fetch one per join, never store it. */
export interface RoomTicket {
  ticket: string;
  roomLink: string;
}

/** For the voice SDK: `{ sdkAppId: Number(voiceAppId), userId: userIdentifier, userSig: sign }`. */
export interface VoiceSignature {
  voiceAppId: string;
  userIdentifier: string;
  sign: string;
  /** The answer's `expire_time`, when the server sent one; its unit is not documented. */
  expireTime: number | string | null;
}

export interface VrListPage {
  items: { vrCode: string; name: string | null; createTime: string | number | null; coverUrl: string | null }[];
  total: number | null;
  pageSize: number | null;
  currentPage: number | null;
}

/**
 * Every method rejects with a GatewayError whose texts hold no secret.
 * `createRoom` is never repeated once it may have reached Realsee: a lost answer is reported as
 * kind 'outcome-unknown'.
 */
export interface GatewayClient {
  /** Gets an access token (cached while valid). `expiresAt` is milliseconds since epoch. */
  fetchAccessToken(): Promise<{ expiresAt: number }>;
  createRoom(input: CreateRoomInput): Promise<CreatedRoom>;
  getRoomTicket(input: RoomTicketInput): Promise<RoomTicket>;
  getVoiceSignature(input: VoiceSignatureInput): Promise<VoiceSignature>;
  /** The raw room-detail `data`; map it with `toRoomSummary` for the app's view. */
  getRoomDetail(roomCode: string): Promise<RoomDetail>;
  listVrs(page?: number, pageSize?: number): Promise<VrListPage>;
  /**
   * A VR's Work for the renderer: `current` asks `GET vrInfo?resource_code=`, `legacy` asks
   * `GET vrWork?vr_code=` (paths from the endpoint table).
   */
  getVrWork(vrCode: string, source: VrWorkSource): Promise<VrWork>;
  invalidateToken(): void;
}

interface Operation<T extends z.ZodType> {
  /** Completes "The Realsee gateway could not …". */
  action: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  dataSchema: T;
  /** False for calls that must not run twice: a lost answer becomes 'outcome-unknown'. */
  idempotent: boolean;
  /** The largest answer read for this call (default `DEFAULT_MAX_ANSWER_BYTES`). */
  maxAnswerBytes?: number;
}

/** A token answer is a few hundred bytes. */
const TOKEN_ANSWER_MAX_BYTES = 64 * 1024;

export function createGatewayClient(profile: GatewayProfile, deps: GatewayClientDeps = {}): GatewayClient {
  checkProfile(profile);
  const endpoints = resolveEndpoints(profile);
  const timeoutMs = resolveRequestTimeoutMs(profile);
  const http: HttpDeps = { fetch: deps.fetch ?? globalThis.fetch, sleep: deps.sleep ?? realSleep };
  const secrets = new SecretRegistry();
  secrets.addPermanent(profile.appSecret);

  const tokens = new TokenCache({
    fetchToken: requestAccessToken,
    now: deps.now ?? Date.now,
    safetyMarginSeconds: resolveTokenSafetyMarginSeconds(profile),
  });

  async function requestAccessToken(): Promise<IssuedToken> {
    const answer = await sendGatewayRequest(
      {
        method: 'POST',
        url: endpointUrl(profile.baseUrl, endpoints.accessToken),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ app_key: profile.appKey, app_secret: profile.appSecret }).toString(),
        timeoutMs,
        maxAnswerBytes: TOKEN_ANSWER_MAX_BYTES,
      },
      http,
    );
    if (!isSuccess(answer.envelope)) throw credentialsRefused(factsOf(answer));
    const data = parseData(accessTokenDataSchema, answer, 'access token');
    secrets.addRecent(data.access_token);
    return { token: data.access_token, expireAt: data.expire_at };
  }

  async function send(operation: Operation<z.ZodType>, token: string): Promise<GatewayAnswer> {
    const headers: Record<string, string> = { authorization: token };
    let body: string | undefined;
    if (operation.body) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(operation.body);
    }
    try {
      return await sendGatewayRequest(
        {
          method: operation.method,
          url: endpointUrl(profile.baseUrl, operation.path, operation.query),
          headers,
          body,
          timeoutMs,
          ...(operation.maxAnswerBytes ? { maxAnswerBytes: operation.maxAnswerBytes } : {}),
        },
        http,
      );
    } catch (e) {
      throw operation.idempotent ? e : asLostAnswer(e);
    }
  }

  async function call<T extends z.ZodType>(operation: Operation<T>): Promise<z.output<T>> {
    let token = await tokens.get();
    let answer = await send(operation, token.token);
    if (isTokenRejected(answer.envelope)) {
      // Safe even for room creation: the gateway refused before doing anything.
      tokens.invalidate(token.token);
      token = await tokens.get();
      answer = await send(operation, token.token);
      if (isTokenRejected(answer.envelope)) {
        tokens.invalidate(token.token);
        throw tokenRefused(operation.action, factsOf(answer));
      }
    }
    if (!isSuccess(answer.envelope)) throw businessFailure(operation.action, factsOf(answer));
    try {
      return parseData(operation.dataSchema, answer, operation.action);
    } catch (e) {
      throw operation.idempotent ? e : roomCreationOutcomeUnknown(factsOf(answer));
    }
  }

  function guarded<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      try {
        return await run(...args);
      } catch (e) {
        throw secrets.scrub(e);
      }
    };
  }

  return {
    fetchAccessToken: guarded(async () => {
      const { expiresAt } = await tokens.get();
      return { expiresAt };
    }),

    createRoom: guarded(async (input: CreateRoomInput) => {
      const valid = parseInput(createRoomInputSchema, input, 'The new room');
      const members = (valid.members ?? []).map((member) => ({
        user_id: member.userId,
        user_role: member.userRole,
        extension: member.extension ?? {},
      }));
      const data = await call({
        action: 'create the room',
        method: 'POST',
        path: endpoints.createRoom,
        body: {
          app_id: profile.appKey,
          create_user_id: valid.createUserId,
          create_user_role: valid.createUserRole ?? profile.roles.host,
          members: JSON.stringify(members),
          additive: JSON.stringify(valid.additive ?? {}),
        },
        dataSchema: createRoomDataSchema,
        idempotent: false,
      });
      return { roomCode: data.room_code, roomLink: data.room_link };
    }),

    getRoomTicket: guarded(async (input: RoomTicketInput) => {
      const valid = parseInput(roomTicketInputSchema, input, 'The room ticket request');
      const data = await call({
        action: 'issue a ticket for the room',
        method: 'POST',
        path: endpoints.roomTicket,
        body: {
          app_id: profile.appKey,
          user_id: valid.userId,
          user_role: valid.userRole ?? profile.roles.host,
          room_code: valid.roomCode,
          extension: JSON.stringify(valid.extension ?? {}),
        },
        dataSchema: roomTicketDataSchema,
        idempotent: true,
      });
      secrets.addRecent(data.ticket);
      return { ticket: data.ticket, roomLink: data.room_link };
    }),

    getVoiceSignature: guarded(async (input: VoiceSignatureInput) => {
      const valid = parseInput(voiceSignatureInputSchema, input, 'The voice signature request');
      const body: Record<string, unknown> = {
        app_id: profile.appKey,
        user_identifier: valid.userId,
        user_role: valid.userRole,
        room_code: valid.roomCode,
      };
      if (valid.voiceId !== undefined) body.voice_id = valid.voiceId;
      const data = await call({
        action: 'issue a voice signature for the room',
        method: 'POST',
        path: endpoints.voiceSign,
        body,
        dataSchema: voiceSignDataSchema,
        idempotent: true,
      });
      secrets.addRecent(data.sign);
      return { voiceAppId: data.voice_app_id, userIdentifier: data.user_identifier, sign: data.sign, expireTime: data.expire_time ?? null };
    }),

    getRoomDetail: guarded(async (roomCode: string) => {
      const validCode = parseInput(roomCodeSchema, roomCode, 'The room code');
      return call({
        action: 'load the room details',
        method: 'GET',
        path: endpoints.roomDetail,
        query: { app_id: profile.appKey, room_code: validCode },
        dataSchema: roomDetailDataSchema,
        idempotent: true,
      });
    }),

    listVrs: guarded(async (page = 1, pageSize = 10) => {
      const valid = parseInput(vrListPageSchema, { page, pageSize }, 'The VR list page');
      const data = await call({
        action: 'list your VR works',
        method: 'GET',
        path: endpoints.vrList,
        query: { page: String(valid.page), page_size: String(valid.pageSize) },
        dataSchema: vrListDataSchema,
        idempotent: true,
      });
      return {
        items: data.list.map((vr) => ({
          vrCode: vr.vr_code,
          name: vr.name ?? null,
          createTime: vr.create_time ?? null,
          coverUrl: vr.cover_url ?? null,
        })),
        total: data.total ?? null,
        pageSize: data.page_size ?? null,
        currentPage: data.current_page ?? null,
      };
    }),

    getVrWork: guarded(async (vrCode: string, source: VrWorkSource) => {
      const validCode = parseInput(vrCodeSchema, vrCode, 'The VR code');
      const work = await call({
        action: 'load the VR work',
        method: 'GET',
        path: source === 'current' ? endpoints.vrInfo : endpoints.vrWork,
        query: source === 'current' ? { resource_code: validCode } : { vr_code: validCode },
        dataSchema: vrWorkAnswerSchema,
        maxAnswerBytes: MAX_WORK_BYTES,
        idempotent: true,
      });
      return toVrWork(work, source, validCode);
    }),

    invalidateToken: () => tokens.invalidate(),
  };
}

/** `code -1`, or `-3` whose text is about the token: Realsee refused before doing anything. */
export function isTokenRejected(envelope: Envelope): boolean {
  if (envelope.code === -1) return true;
  return envelope.code === -3 && /expired|authori[sz]ation|token/i.test(envelopeText(envelope) ?? '');
}

function factsOf(answer: GatewayAnswer): GatewayAnswerFacts {
  return { ...envelopeFacts(answer.envelope), httpStatus: answer.httpStatus };
}

function parseData<T extends z.ZodType>(schema: T, answer: GatewayAnswer, what: string): z.output<T> {
  const result = schema.safeParse(answer.envelope.data);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || 'data'))].join(', ');
  throw protocolFailure(`unexpected data for "${what}" at ${fields}`, factsOf(answer));
}

/** A non-idempotent request that may have reached the gateway and got no usable answer. */
function asLostAnswer(e: unknown): unknown {
  if (!(e instanceof GatewayError) || !e.mayHaveReachedServer) return e;
  const { kind, httpStatus } = e.appError;
  const lost = kind === 'network' || kind === 'timeout' || kind === 'protocol' || (kind === 'gateway' && (httpStatus ?? 0) >= 500);
  if (!lost) return e;
  const { code, status, requestId } = e.appError;
  return roomCreationOutcomeUnknown({ code, status, requestId, httpStatus });
}

function checkProfile(profile: GatewayProfile): void {
  const problems: string[] = [];
  if (!/^https?:\/\/[^/]/i.test(profile.baseUrl)) problems.push('the base URL must start with http:// or https://');
  else {
    try {
      new URL(profile.baseUrl);
      if (!isAllowedTransport(profile.baseUrl, ['web'])) problems.push(`the base URL must use ${TRANSPORT_RULE_TEXT}`);
    } catch {
      problems.push('the base URL is not a valid address');
    }
  }
  if (!profile.appKey.trim()) problems.push('the app key is empty');
  if (!profile.appSecret) problems.push('the app secret is empty');
  if (!profile.roles.host.trim() || !profile.roles.guest.trim()) problems.push('both role names are needed');
  if (problems.length) throw invalidInput('The gateway profile', problems.join('; '));
}
