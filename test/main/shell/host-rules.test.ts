import { describe, expect, it } from 'vitest';
import { matchesHostRule, parseHostRule } from '../../../main/shell/host-rules';

const matches = (entry: string, url: string): boolean => {
  const rule = parseHostRule(entry);
  return rule !== null && matchesHostRule(new URL(url), rule);
};

describe('parseHostRule', () => {
  it('reads bare hosts as https on the default port', () => {
    expect(parseHostRule('vr.realsee.ai')).toEqual({
      kind: 'web',
      scheme: 'https:',
      hostname: 'vr.realsee.ai',
      port: '',
      includeSubdomains: false,
    });
    expect(parseHostRule(' VR.Realsee.AI:443 ')).toEqual({
      kind: 'web',
      scheme: 'https:',
      hostname: 'vr.realsee.ai',
      port: '',
      includeSubdomains: false,
    });
    expect(parseHostRule('vr.realsee.ai:8443')).toMatchObject({ port: '8443' });
  });

  it('reads *.host as its subdomains', () => {
    expect(parseHostRule('*.realsee.ai')).toMatchObject({ hostname: 'realsee.ai', includeSubdomains: true });
  });

  it('reads an origin or a full link as that origin', () => {
    expect(parseHostRule('https://live.realsee.ai/room/R1?ticket=t')).toEqual({
      kind: 'web',
      scheme: 'https:',
      hostname: 'live.realsee.ai',
      port: '',
      includeSubdomains: false,
    });
    expect(parseHostRule('http://127.0.0.1:43111/room/R1')).toEqual({
      kind: 'web',
      scheme: 'http:',
      hostname: '127.0.0.1',
      port: '43111',
      includeSubdomains: false,
    });
  });

  it('refuses plain http on the internet, other schemes, credentials and junk', () => {
    for (const entry of [
      'http://vr.realsee.ai',
      'ws://vr.realsee.ai',
      'javascript://x',
      'https://a@vr.realsee.ai',
      'realsee.ai@evil.com',
      'evil.com/?x=https://realsee.ai',
      '*',
      '*.',
      '**.realsee.ai',
      'a b.com',
      '',
    ]) {
      expect(parseHostRule(entry), entry).toBeNull();
    }
  });
});

describe('matchesHostRule', () => {
  it('matches on parsed scheme, host and port only', () => {
    expect(matches('vr.realsee.ai', 'https://vr.realsee.ai/any/path?q')).toBe(true);
    expect(matches('vr.realsee.ai', 'https://vr.realsee.ai:444/')).toBe(false);
    expect(matches('vr.realsee.ai', 'http://vr.realsee.ai/')).toBe(false);
    expect(matches('*.realsee.ai', 'https://a.b.realsee.ai/')).toBe(true);
    expect(matches('*.realsee.ai', 'https://realsee.ai/')).toBe(false);
    expect(matches('*.realsee.ai', 'https://evilrealsee.ai/')).toBe(false);
    expect(matches('file:', 'file:///tmp/x')).toBe(true);
    expect(matches('file:', 'https://x.com/')).toBe(false);
  });
});

describe('wildcards that would cover a whole public suffix', () => {
  it('are refused: one label, or two short ones like co.uk and com.cn', () => {
    for (const entry of ['*.com', '*.cn', '*.ai', '*.co.uk', '*.com.cn', '*.net.au', '*.COM', '*.com:443', '*.localhost']) {
      expect(parseHostRule(entry), entry).toBeNull();
    }
    expect(matches('*.com', 'https://evil.com/')).toBe(false);
  });

  it('are kept when they name a site', () => {
    for (const entry of ['*.realsee.ai', '*.realsee.cn', '*.example.co.uk', '*.vr.realsee.com.cn', '*.realsee.com:8443']) {
      expect(parseHostRule(entry), entry).toMatchObject({ includeSubdomains: true });
    }
  });
});
