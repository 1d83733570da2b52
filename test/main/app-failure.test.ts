import { describe, expect, it } from 'vitest';
import { appErrorSchema } from '../../common/errors';
import { AppFailure, appFailure, toAppError } from '../../main/app-failure';
import { GatewayError, SecretRegistry } from '../../main/realsee/errors';

describe('toAppError', () => {
  it('returns a copy of the app error an AppFailure carries', () => {
    const failure = appFailure('not-found', 'Room R1 is not in the history.');
    const read = toAppError(failure);
    expect(read).toEqual({ kind: 'not-found', message: 'Room R1 is not in the history.' });
    expect(read).not.toBe(failure.appError);
    expect(failure.message).toBe('Room R1 is not in the history.');
    expect(failure.name).toBe('AppFailure');
  });

  it('reads a GatewayError with every gateway detail', () => {
    const error = new GatewayError({ kind: 'gateway', message: 'Refused.', code: -3, requestId: 'r1' });
    expect(error).toBeInstanceOf(AppFailure);
    expect(error.name).toBe('GatewayError');
    expect(toAppError(error)).toEqual({ kind: 'gateway', message: 'Refused.', code: -3, requestId: 'r1' });
  });

  it('turns anything else into an internal error that does not echo the original', () => {
    const lookalike = Object.assign(new Error('secret-abc'), { appError: { kind: 'network', message: 'secret-abc' } });
    for (const thrown of [new Error('secret-abc leaked'), 'secret-abc', undefined, { kind: 'network' }, lookalike]) {
      const appError = toAppError(thrown);
      expect(appError.kind).toBe('internal');
      expect(appError.message).not.toContain('secret-abc');
      expect(appErrorSchema.safeParse(appError).success).toBe(true);
    }
  });

  it('uses the fallback message the caller gives for anything else', () => {
    expect(toAppError(new TypeError('x'), 'Roomdesk could not read this room.')).toEqual({
      kind: 'internal',
      message: 'Roomdesk could not read this room.',
    });
  });

  it('lets the gateway client scrub any failure into a GatewayError with its own fallback', () => {
    const secrets = new SecretRegistry();
    secrets.addPermanent('app-secret-123');
    const kept = secrets.scrub(appFailure('validation', 'app-secret-123 is not valid'));
    expect(kept.appError).toEqual({ kind: 'validation', message: '[redacted] is not valid' });
    const bug = secrets.scrub(new Error('app-secret-123'));
    expect(bug.appError.kind).toBe('internal');
    expect(bug.appError.message).toContain('Realsee gateway');
  });
});
