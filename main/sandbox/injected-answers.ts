import { envelopeAnswer, errorAnswer, type Answer } from './answer';
import { buildEnvelope, GatewayError, SANDBOX_CODES, successEnvelope } from './envelope';
import type { FaultEffect } from './faults';
import { expiredTokenError } from './tokens';

/** The answer an injected fault puts in place of the real one, if the fault replaces it. */
export function injectedAnswer(effect: FaultEffect): Answer | undefined {
  if (effect.rateLimit) {
    return errorAnswer(
      new GatewayError(SANDBOX_CODES.rateLimited, 'rate limit exceeded (injected by the sandbox)', 429, { 'retry-after': '1' }),
    );
  }
  if (effect.tokenExpired) return errorAnswer(expiredTokenError());
  if (effect.nonJson) {
    return {
      httpStatus: effect.httpStatus ?? 200,
      contentType: 'text/html; charset=utf-8',
      body: '<html><body><h1>Bad Gateway</h1><p>injected by the sandbox</p></body></html>',
    };
  }
  if (effect.wrongShape === 'envelope') {
    return envelopeAnswer(effect.httpStatus ?? 200, { ok: true, result: [1, 2, 3], message: 'not a Realsee envelope' });
  }
  if (effect.wrongShape === 'data') {
    return envelopeAnswer(effect.httpStatus ?? 200, successEnvelope({ unexpected: ['wrong', 'shape'], room_code: 42 }));
  }
  if (effect.httpStatus !== undefined) {
    return envelopeAnswer(
      effect.httpStatus,
      buildEnvelope(SANDBOX_CODES.serverError, `server error ${effect.httpStatus} (injected by the sandbox)`, null),
    );
  }
  return undefined;
}
