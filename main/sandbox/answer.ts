import type { ServerResponse } from 'node:http';
import { buildEnvelope, type GatewayError, successEnvelope, type RealseeEnvelope } from './envelope';

/** A complete HTTP answer, built before anything is written so a request can be processed and then dropped. */
export interface Answer {
  httpStatus: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export function envelopeAnswer(httpStatus: number, envelope: RealseeEnvelope | unknown, headers?: Record<string, string>): Answer {
  return { httpStatus, contentType: 'application/json; charset=utf-8', body: JSON.stringify(envelope), headers };
}

export function successAnswer(data: unknown): Answer {
  return envelopeAnswer(200, successEnvelope(data));
}

export function errorAnswer(error: GatewayError): Answer {
  return envelopeAnswer(error.httpStatus, buildEnvelope(error.code, error.status, null), error.headers);
}

export function htmlAnswer(httpStatus: number, html: string, headers?: Record<string, string>): Answer {
  return { httpStatus, contentType: 'text/html; charset=utf-8', body: html, headers };
}

export function writeAnswer(response: ServerResponse, answer: Answer): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(answer.httpStatus, {
    'content-type': answer.contentType,
    'content-length': String(Buffer.byteLength(answer.body)),
    'cache-control': 'no-store',
    ...answer.headers,
  });
  response.end(answer.body);
}
