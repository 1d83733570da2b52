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
      new GatewayError({
        kind: 'gateway',
        message: 'bad the-app-secret',
        status: 'ticket-xyz used',
        requestId: 'r-the-app-secret',
        code: 1,
      }),
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

describe('redact: every spelling a secret can take in a URL, a form or JSON', () => {
  const secret = 'Ab c!\'()~*/+é"x';

  it("scrubs the form-encoded spelling (space as +, !'()~ percent-encoded)", () => {
    const form = new URLSearchParams({ app_secret: secret }).toString();
    expect(redact(form, [secret])).toBe(`app_secret=${REDACTED}`);
  });

  it('scrubs percent-encoding in lower case and mixed with plain characters', () => {
    const lower = encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    expect(redact(`x ${lower} y`, [secret])).toBe(`x ${REDACTED} y`);
    const strict = encodeURIComponent(secret).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
    expect(redact(strict, [secret])).toBe(REDACTED);
    const mixed = 'Ab%20c!%27()~*%2f%2B%C3%a9"x';
    expect(redact(mixed, [secret])).toBe(REDACTED);
  });

  it('still scrubs the plain and JSON-escaped spellings', () => {
    expect(redact(`plain ${secret}`, [secret])).toBe(`plain ${REDACTED}`);
    expect(redact(JSON.stringify({ s: secret }), [secret])).toBe(`{"s":"${REDACTED}"}`);
  });
});
