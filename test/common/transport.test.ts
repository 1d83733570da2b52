import { describe, expect, it } from 'vitest';
import { profileDraftSchema } from '../../common/profile';
import { isAllowedTransport } from '../../common/transport';

describe('the transport rule for secrets, tickets and room links', () => {
  it('allows https and wss to any host', () => {
    for (const url of ['https://app-gateway.realsee.ai', 'wss://live.realsee.cn/open/AB?x=1', 'HTTPS://Example.COM:8443/a']) {
      expect(isAllowedTransport(url)).toBe(true);
    }
  });

  it('allows plain http and ws on loopback only', () => {
    for (const url of ['http://127.0.0.1:4010', 'http://127.9.8.7/room', 'ws://localhost:9/ws', 'http://[::1]:80/']) {
      expect(isAllowedTransport(url)).toBe(true);
    }
    for (const url of [
      'http://gateway.example.com',
      'ws://live.example.com/x',
      'http://10.0.0.1',
      'http://127.0.0.1.evil.com',
      'http://localhost.evil.com',
    ]) {
      expect(isAllowedTransport(url)).toBe(false);
    }
  });

  it('never allows other schemes, credentials, or text that is not a URL', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'chrome://settings',
      'ftp://h/x',
      'https://u:p@h.example',
      '',
      'h.example',
    ]) {
      expect(isAllowedTransport(url)).toBe(false);
    }
  });

  it('limits to the kinds asked for', () => {
    expect(isAllowedTransport('wss://live.example', ['web'])).toBe(false);
    expect(isAllowedTransport('https://live.example', ['socket'])).toBe(false);
  });

  it('refuses a cleartext gateway address for a profile', () => {
    const draft = { name: 'n', region: 'custom', appKey: 'k', appSecret: 's', roles: { host: 'a', guest: 'b' }, userId: 'u', nickname: '' };
    expect(profileDraftSchema.safeParse({ ...draft, customBaseUrl: 'http://gateway.example.com' }).success).toBe(false);
    expect(profileDraftSchema.safeParse({ ...draft, customBaseUrl: 'http://127.0.0.1:4010' }).success).toBe(true);
    expect(profileDraftSchema.safeParse({ ...draft, customBaseUrl: 'https://gateway.example.com' }).success).toBe(true);
  });
});
