import { GatewayError } from './errors';
import {
  networkFailure,
  protocolFailure,
  rateLimitFailure,
  serverFailure,
  timeoutFailure,
  type GatewayAnswerFacts,
} from './failures';
import { envelopeSchema, envelopeText, type Envelope } from './schemas';

export type FetchLike = typeof fetch;
export type Sleep = (ms: number) => Promise<void>;

export interface HttpDeps {
  fetch: FetchLike;
  sleep: Sleep;
}

export interface GatewayRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Answers larger than this are refused unread past the limit (default DEFAULT_MAX_ANSWER_BYTES). */
  maxAnswerBytes?: number;
}

/** Gateway answers are small JSON documents; a VR's Work is the largest the app asks for. */
export const DEFAULT_MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export interface RetryPolicy {
  /** Total attempts, including the first. */
  attempts: number;
  /** Delay before the second attempt; doubles for each later one. */
  baseDelayMs: number;
}

export const DEFAULT_GET_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250 };

export interface GatewayAnswer {
  envelope: Envelope;
  httpStatus: number;
}

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one request and returns the gateway's envelope (whatever its `code`), or throws a
 * GatewayError. GETs are retried on network errors, timeouts and 5xx; POSTs never are here,
 * because some of them (room creation) must not run twice.
 */
export async function sendGatewayRequest(
  request: GatewayRequest,
  deps: HttpDeps,
  retry: RetryPolicy = DEFAULT_GET_RETRY,
): Promise<GatewayAnswer> {
  const attempts = request.method === 'GET' ? Math.max(1, retry.attempts) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(request, deps.fetch);
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      await deps.sleep(retry.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}

function isRetryable(e: unknown): boolean {
  if (!(e instanceof GatewayError)) return false;
  const { kind, httpStatus } = e.appError;
  return kind === 'network' || kind === 'timeout' || (kind === 'gateway' && (httpStatus ?? 0) >= 500);
}

async function sendOnce(request: GatewayRequest, fetchFn: FetchLike): Promise<GatewayAnswer> {
  const host = request.url.host;
  // One deadline for connecting, sending and reading the whole body. A plain timer that is cleared
  // afterwards is much cheaper than AbortSignal.timeout, whose timers outlive the request.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const init: RequestInit = { method: request.method, signal: controller.signal, redirect: 'error' };
  if (request.headers) init.headers = request.headers;
  if (request.body !== undefined) init.body = request.body;

  try {
    let response: Response;
    try {
      response = await fetchFn(request.url, init);
    } catch (e) {
      if (timedOut) throw timeoutFailure(host, request.timeoutMs);
      throw networkFailure(host, !failedBeforeSending(e));
    }

    const maxBytes = request.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
    let bodyText: string | null;
    try {
      bodyText = await readCappedText(response, maxBytes);
    } catch {
      if (timedOut) throw timeoutFailure(host, request.timeoutMs);
      throw networkFailure(host, true);
    }
    if (bodyText === null) {
      controller.abort();
      throw protocolFailure(`an answer larger than ${Math.round(maxBytes / 1024)} KiB, HTTP ${response.status}`, { httpStatus: response.status });
    }
    return interpretAnswer(host, response.status, bodyText);
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null once it grows past `maxBytes` (the rest is not read). */
async function readCappedText(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers?.get('content-length') ?? NaN);
  if (declared > maxBytes) return null;
  if (!response.body) {
    const text = await response.text();
    return Buffer.byteLength(text) > maxBytes ? null : text;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function interpretAnswer(host: string, httpStatus: number, bodyText: string): GatewayAnswer {
  const json = parseJson(bodyText);
  const parsed = json.ok ? envelopeSchema.safeParse(json.value) : undefined;
  const envelope = parsed?.success ? parsed.data : undefined;
  const facts: GatewayAnswerFacts = { httpStatus, ...(envelope ? envelopeFacts(envelope) : {}) };

  if (httpStatus === 429 || (envelope && looksRateLimited(envelope))) throw rateLimitFailure(facts);
  if (httpStatus >= 500) throw serverFailure(host, facts);
  if (!json.ok) throw protocolFailure(`not JSON, HTTP ${httpStatus}`, facts);
  if (!envelope) throw protocolFailure(`no numeric "code" in the answer, HTTP ${httpStatus}`, facts);
  return { envelope, httpStatus };
}

export function envelopeFacts(envelope: Envelope): GatewayAnswerFacts {
  const facts: GatewayAnswerFacts = { code: envelope.code };
  const text = envelopeText(envelope);
  if (text !== undefined) facts.status = text;
  if (envelope.request_id) facts.requestId = envelope.request_id;
  return facts;
}

const RATE_LIMIT_TEXT = /rate[ _-]?limit|too many requests|too frequent|frequency limit|请求过于频繁|频繁|限流/i;

function looksRateLimited(envelope: Envelope): boolean {
  if (envelope.code === 0) return false;
  return envelope.code === 429 || RATE_LIMIT_TEXT.test(envelopeText(envelope) ?? '');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Error codes meaning no connection was made, so the request cannot have reached the gateway. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** True only when the error proves the request was never sent; unknown errors count as sent. */
export function failedBeforeSending(e: unknown): boolean {
  const codes = collectErrorCodes(e, 0);
  return codes.length > 0 && codes.every((code) => NOT_SENT_CODES.has(code));
}

function collectErrorCodes(e: unknown, depth: number): string[] {
  if (depth > 5 || typeof e !== 'object' || e === null) return [];
  const codes: string[] = [];
  const record = e as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof record.code === 'string') codes.push(record.code);
  codes.push(...collectErrorCodes(record.cause, depth + 1));
  if (Array.isArray(record.errors)) for (const inner of record.errors) codes.push(...collectErrorCodes(inner, depth + 1));
  return codes;
}
