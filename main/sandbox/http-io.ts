import type { IncomingMessage } from 'node:http';
import { GatewayError, SANDBOX_CODES } from './envelope';

export const MAX_BODY_BYTES = 64 * 1024;
/** Past this the sandbox stops draining an oversized body and drops the connection. */
const HARD_DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/** The client went away before its request body was complete: there is no one to answer. */
export class RequestAborted extends Error {
  constructor() {
    super('request aborted by the client');
    this.name = 'RequestAborted';
  }
}

/** Reads the whole body; an oversized one is drained and refused with 413 (never buffered). */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > HARD_DRAIN_LIMIT_BYTES) {
        request.destroy();
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        reject(new GatewayError(SANDBOX_CODES.payloadTooLarge, `request body is larger than ${MAX_BODY_BYTES} bytes`, 413));
        return;
      }
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', () => reject(new RequestAborted()));
  });
}

export function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}
