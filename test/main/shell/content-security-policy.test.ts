import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../../main/shell/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('contentSecurityPolicy (built app)', () => {
  const policy = directives(contentSecurityPolicy({ isDev: false }));

  it("starts from nothing and allows only the app's own scripts, styles and fonts", () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('gives the renderer no network, no plugins, no frames, no forms and no base rewriting', () => {
    for (const name of [
      'connect-src',
      'object-src',
      'frame-src',
      'worker-src',
      'base-uri',
      'form-action',
      'frame-ancestors',
      'media-src',
    ]) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('never contains unsafe sources or wildcards', () => {
    const text = contentSecurityPolicy({ isDev: false });
    expect(text).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|wss?:/);
  });

  it('ignores a dev server origin outside development', () => {
    expect(contentSecurityPolicy({ isDev: false, devServerOrigin: 'http://localhost:5173' })).toBe(contentSecurityPolicy({ isDev: false }));
  });

  it('opens media to microphone streams only when asked', () => {
    expect(directives(contentSecurityPolicy({ isDev: false, allowMediaStreams: true })).get('media-src')).toEqual([
      "'self'",
      'blob:',
      'mediastream:',
    ]);
  });
});

describe('contentSecurityPolicy with voice', () => {
  it('lets the renderer reach only the listed vendor hosts, over https and wss', () => {
    const policy = directives(contentSecurityPolicy({ isDev: false, voiceVendorHosts: ['*.rtc.qq.com', 'yun.tim.qq.com'] }));
    expect(policy.get('connect-src')).toEqual([
      'https://*.rtc.qq.com',
      'wss://*.rtc.qq.com',
      'https://yun.tim.qq.com',
      'wss://yun.tim.qq.com',
    ]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });
  it('refuses anything that is not a host', () => {
    for (const bad of ['*', 'https://x.com', "x.com 'unsafe-eval'", 'x.com;script-src *']) {
      expect(() => contentSecurityPolicy({ isDev: false, voiceVendorHosts: [bad] }), bad).toThrow(/Not a host/);
    }
  });
});

describe('contentSecurityPolicy (development)', () => {
  const policy = directives(contentSecurityPolicy({ isDev: true, devServerOrigin: 'http://localhost:5173/' }));

  it('lets the renderer reach the dev server over http and its hot-reload socket only', () => {
    expect(policy.get('connect-src')).toEqual(['http://localhost:5173', 'ws://localhost:5173']);
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'", 'http://localhost:5173']);
  });

  it('keeps the rest locked down', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('uses wss for an https dev server and refuses anything that is not an http(s) origin', () => {
    expect(directives(contentSecurityPolicy({ isDev: true, devServerOrigin: 'https://127.0.0.1:8443' })).get('connect-src')).toEqual([
      'https://127.0.0.1:8443',
      'wss://127.0.0.1:8443',
    ]);
    expect(() => contentSecurityPolicy({ isDev: true, devServerOrigin: 'file:///tmp' })).toThrow(/http\(s\) origin/);
    expect(() => contentSecurityPolicy({ isDev: true, devServerOrigin: 'localhost:5173' })).toThrow(/http\(s\) origin/);
  });

  it('without a dev server is as strict as the built app', () => {
    expect(contentSecurityPolicy({ isDev: true })).toBe(contentSecurityPolicy({ isDev: false }));
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy and keeps other headers', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': ['text/html'] }, "default-src 'none'")).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'none'"],
    });
    expect(withContentSecurityPolicy(undefined, "default-src 'none'")).toEqual({ 'Content-Security-Policy': ["default-src 'none'"] });
  });

  it('keeps a policy the server sent, whatever its header case, so both are enforced', () => {
    expect(withContentSecurityPolicy({ 'content-security-policy': ["script-src 'none'"] }, "default-src 'none'")).toEqual({
      'Content-Security-Policy': ["script-src 'none'", "default-src 'none'"],
    });
  });
});
