import { describe, expect, it } from 'vitest';
import { TokenCache } from '../../../main/realsee/token-cache';

function setup(lifetimeSeconds = 300, margin = 30) {
  let clock = 1_700_000_000_000;
  let issued = 0;
  const cache = new TokenCache({
    now: () => clock,
    safetyMarginSeconds: margin,
    fetchToken: async () => {
      issued++;
      return { token: `t${issued}`, expireAt: Math.floor(clock / 1000) + lifetimeSeconds };
    },
  });
  return {
    cache,
    advance: (ms: number) => void (clock += ms),
    issuedCount: () => issued,
  };
}

describe('TokenCache', () => {
  it('reuses the token until the safety margin before expiry', async () => {
    const { cache, advance, issuedCount } = setup();
    expect((await cache.get()).token).toBe('t1');
    advance(269_000);
    expect((await cache.get()).token).toBe('t1');
    advance(1_000);
    expect((await cache.get()).token).toBe('t2');
    expect(issuedCount()).toBe(2);
  });

  it('reports expiry in milliseconds since epoch', async () => {
    const { cache } = setup();
    expect((await cache.get()).expiresAt).toBe(1_700_000_300_000);
  });

  it('shares one in-flight request among concurrent callers', async () => {
    const { cache, issuedCount } = setup();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get()));
    expect(new Set(tokens.map((t) => t.token))).toEqual(new Set(['t1']));
    expect(issuedCount()).toBe(1);
  });

  it('does not remember a failed request', async () => {
    let attempts = 0;
    const cache = new TokenCache({
      now: () => 0,
      safetyMarginSeconds: 30,
      fetchToken: async () => {
        attempts++;
        if (attempts === 1) throw new Error('refused');
        return { token: 'ok', expireAt: 300 };
      },
    });
    await expect(cache.get()).rejects.toThrow('refused');
    expect((await cache.get()).token).toBe('ok');
    expect(attempts).toBe(2);
  });

  it('drops a stale token only if it is still the current one', async () => {
    const { cache, issuedCount } = setup();
    await cache.get();
    cache.invalidate('t1');
    expect((await cache.get()).token).toBe('t2');
    cache.invalidate('t1');
    expect((await cache.get()).token).toBe('t2');
    cache.invalidate();
    expect((await cache.get()).token).toBe('t3');
    expect(issuedCount()).toBe(3);
  });

  it('keeps a short-lived token usable for half its life when the margin is longer', async () => {
    const { cache, advance, issuedCount } = setup(20, 30);
    await cache.get();
    advance(9_000);
    expect((await cache.get()).token).toBe('t1');
    advance(2_000);
    expect((await cache.get()).token).toBe('t2');
    expect(issuedCount()).toBe(2);
  });
});
