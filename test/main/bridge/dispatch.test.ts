import { describe, expect, it } from 'vitest';
import { createBridgeDispatcher, type BridgeHandlers } from '../../../main/bridge/dispatch';
import { createLogger, SecretRegistry } from '../../../main/logging/logger';
import { GatewayError } from '../../../main/realsee/errors';
import { methodNames } from '../../../common/contract/index';

function setup(overrides: Partial<BridgeHandlers> = {}) {
  const lines: string[] = [];
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    methodNames.map((name) => [
      name,
      async () => {
        calls.push(name);
        throw new Error(`${name} should not run in this test`);
      },
    ]),
  ) as unknown as BridgeHandlers;
  Object.assign(handlers, overrides);
  const dispatch = createBridgeDispatcher(
    handlers,
    createLogger((line) => lines.push(line), new SecretRegistry()),
  );
  return { dispatch, lines, calls };
}

const trusted = { trusted: true };

describe('bridge dispatcher', () => {
  it('refuses untrusted senders before parsing or running anything', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch('getAppInfo', undefined, { trusted: false });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'forbidden' }) });
    expect(calls).toEqual([]);
  });

  it('refuses unknown methods as validation errors', async () => {
    const { dispatch } = setup();
    for (const name of ['__proto__', 'constructor', 'toString', 'eval', '']) {
      const result = await dispatch(name, undefined, trusted);
      expect(result.ok ? 'ok' : result.error.kind).toBe('validation');
    }
  });

  it('turns malformed input into a readable validation error without running the handler', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch('getRoomDetails', { roomCode: '../../etc/passwd' }, trusted);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('validation');
      expect(result.error.message).toMatch(/roomCode/);
    }
    expect(calls).toEqual([]);
  });

  it('returns typed gateway errors from handlers with their Realsee fields', async () => {
    const error = new GatewayError({ kind: 'gateway', message: 'Room closed', code: -3, status: 'room closed', requestId: 'req-1' });
    const { dispatch } = setup({ getRoomDetails: async () => Promise.reject(error) });
    const result = await dispatch('getRoomDetails', { roomCode: 'ABC' }, trusted);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'gateway', message: 'Room closed', code: -3, status: 'room closed', requestId: 'req-1' },
    });
  });

  it('hides unexpected failures behind an internal error and logs them', async () => {
    const { dispatch, lines } = setup({ getAppInfo: async () => Promise.reject(new TypeError('boom at line 3')) });
    const result = await dispatch('getAppInfo', undefined, trusted);
    expect(result.ok ? null : result.error.kind).toBe('internal');
    expect(result.ok ? '' : result.error.message).not.toContain('boom');
    expect(lines.join('\n')).toContain('boom at line 3');
  });

  it('refuses handler answers outside the contract', async () => {
    const { dispatch } = setup({ getAppInfo: async () => ({ name: 'Roomdesk' }) as never });
    const result = await dispatch('getAppInfo', undefined, trusted);
    expect(result.ok ? null : result.error.kind).toBe('internal');
  });

  it('passes parsed input with defaults applied and returns the parsed output', async () => {
    let received: unknown;
    const { dispatch } = setup({
      listVrs: async (input) => {
        received = input;
        return { items: [], total: 0 };
      },
    });
    expect(await dispatch('listVrs', {}, trusted)).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(received).toEqual({ page: 1 });
  });

  it('getVrWork checks the code and hands the Work on as it came, refusing a Work that is not an object', async () => {
    const work = {
      vr_code: '800000000000000001',
      panorama: { list: [{ up: 'u' }] },
      _signature: 'sig',
      nested: { keep: [1, { deep: true }] },
    };
    const answer = {
      vrCode: '800000000000000001',
      name: null,
      coverUrl: null,
      panoramaCount: 1,
      baseUrl: null,
      allowHosts: [],
      signed: true,
      resourceOrigins: [],
      source: 'legacy' as const,
      work,
    };
    let asked: unknown;
    const { dispatch } = setup({
      getVrWork: async (input) => {
        asked = input;
        return answer;
      },
    });
    expect(await dispatch('getVrWork', { vrCode: ' 800000000000000001 ' }, trusted)).toEqual({ ok: true, value: answer });
    expect(asked).toEqual({ vrCode: '800000000000000001' });
    for (const bad of [{ vrCode: '../x' }, { vrCode: '' }, { vrCode: '8'.repeat(65) }, { vrCode: '1', extra: true }]) {
      const result = await dispatch('getVrWork', bad, trusted);
      expect(result.ok ? 'ok' : result.error.kind).toBe('validation');
    }
    const { dispatch: broken } = setup({ getVrWork: async () => ({ ...answer, work: [] as never }) });
    expect((await broken('getVrWork', { vrCode: '1' }, trusted)).ok).toBe(false);
  });

  it('survives a few hundred generated bad payloads for every method', async () => {
    const { dispatch } = setup();
    const samples: unknown[] = [
      null,
      0,
      -1,
      NaN,
      '',
      'x'.repeat(10_000),
      [],
      {},
      { roomCode: 7 },
      { id: {} },
      { __proto__: { polluted: true } },
      [[[[]]]],
      true,
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i += 1) samples.push(generate(random, 3));
    for (const name of methodNames) {
      for (const sample of samples) {
        const result = await dispatch(name, sample, trusted);
        // A well-formed sample may pass validation and reach the (throwing) handler: internal.
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['validation', 'internal']).toContain(result.error.kind);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function generate(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * 8);
  if (depth === 0 || pick < 3) return [null, 42, 'room', true, -0, 1e308, '\u0000'][Math.floor(random() * 7)];
  if (pick < 5) return Array.from({ length: Math.floor(random() * 4) }, () => generate(random, depth - 1));
  const keys = ['roomCode', 'id', 'guest', 'guests', 'listing', 'draft', 'page', 'name', 'appKey', 'userId'];
  return Object.fromEntries(
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => [keys[Math.floor(random() * keys.length)]!, generate(random, depth - 1)]),
  );
}
