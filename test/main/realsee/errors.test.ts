import { describe, expect, it } from 'vitest';
import { GatewayError, REDACTED, SecretRegistry, redact } from '../../../main/realsee/errors';

describe('redact', () => {
  it('scrubs every occurrence of every secret, plain and URL-encoded', () => {
    const text = 'a=s3cr3t/+x&b=s3cr3t%2F%2Bx and tok-123456 then tok-123456';
    const scrubbed = redact(text, ['s3cr3t/+x', 'tok-123456']);
    expect(scrubbed).not.toContain('s3cr3t');
    expect(scrubbed).not.toContain('tok-123456');
    expect(scrubbed.split(REDACTED)).toHaveLength(5);
  });

  it('leaves text alone when there is no secret in it, and ignores very short values', () => {
    expect(redact('nothing here', ['longsecret', '', 'ab'])).toBe('nothing here');
  });

  it('scrubs the longest secret first so a secret containing another leaves no trace', () => {
    expect(redact('abcdef-123', ['abcdef', 'abcdef-123'])).toBe(REDACTED);
  });
});

describe('SecretRegistry', () => {
  it('scrubs message, status and request id of any error', () => {
    const registry = new SecretRegistry();
    registry.addPermanent('the-app-secret');
    registry.addRecent('ticket-xyz');
    const scrubbed = registry.scrub(
      new GatewayError({ kind: 'gateway', message: 'bad the-app-secret', status: 'ticket-xyz used', requestId: 'r-the-app-secret', code: 1 }),
    );
    expect(JSON.stringify(scrubbed.appError)).not.toMatch(/the-app-secret|ticket-xyz/);
    expect(scrubbed.message).not.toContain('the-app-secret');
    expect(scrubbed.appError.code).toBe(1);
  });

  it('forgets the oldest short-lived values beyond its limit but never the permanent ones', () => {
    const registry = new SecretRegistry(2);
    registry.addPermanent('permanent-1');
    for (const value of ['recent-1', 'recent-2', 'recent-3']) registry.addRecent(value);
    expect(registry.values()).toEqual(['permanent-1', 'recent-2', 'recent-3']);
  });
});
