import { describe, expect, it } from 'vitest';
import { createLogger, SecretRegistry } from '../../../main/logging/logger';

describe('main logger', () => {
  it('never writes registered secrets, secret-named fields or ticket query parameters', () => {
    const lines: string[] = [];
    const secrets = new SecretRegistry();
    secrets.addPermanent('app-secret-123456');
    const logger = createLogger((line) => lines.push(line), secrets);
    logger.error('failed with app-secret-123456 inside', {
      url: 'https://r.example/room/AB?x=1&ticket=TICKET-999&force=0',
      accessToken: 'tok-abcdef',
      nested: { sign: 'sig-xyz', room: 'AB' },
      error: new Error('boom app-secret-123456'),
    });
    const text = lines.join('\n');
    expect(text).toContain('failed with');
    expect(text).toContain('"room":"AB"');
    for (const secret of ['app-secret-123456', 'TICKET-999', 'tok-abcdef', 'sig-xyz']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
