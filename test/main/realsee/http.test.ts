import { describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../../main/realsee/client';
import { failedBeforeSending } from '../../../main/realsee/http';
import { failureOf, testProfile } from './support/client-setup';

function fetchFailure(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

describe('failedBeforeSending', () => {
  it('is true only for errors proving no connection was made', () => {
    expect(failedBeforeSending(fetchFailure('ECONNREFUSED'))).toBe(true);
    expect(failedBeforeSending(fetchFailure('ENOTFOUND'))).toBe(true);
    const happyEyeballs = new TypeError('fetch failed', {
      cause: Object.assign(
        new AggregateError([
          Object.assign(new Error('a'), { code: 'ECONNREFUSED' }),
          Object.assign(new Error('b'), { code: 'ENETUNREACH' }),
        ]),
        {
          code: 'ECONNREFUSED',
        },
      ),
    });
    expect(failedBeforeSending(happyEyeballs)).toBe(true);
  });

  it('is false for resets, socket errors and errors without a code', () => {
    expect(failedBeforeSending(fetchFailure('ECONNRESET'))).toBe(false);
    expect(failedBeforeSending(fetchFailure('UND_ERR_SOCKET'))).toBe(false);
    expect(failedBeforeSending(new TypeError('fetch failed'))).toBe(false);
    expect(failedBeforeSending('weird')).toBe(false);
  });
});

describe('room creation and transport errors', () => {
  const tokenAnswer = JSON.stringify({ code: 0, status: 'success', data: { access_token: 'tok-abcdef', expire_at: 4_000_000_000 } });

  function clientFailingCreateWith(error: Error) {
    let createAttempts = 0;
    const fetchStub = (async (url: URL) => {
      if (url.pathname.endsWith('/access_token')) return new Response(tokenAnswer);
      createAttempts++;
      throw error;
    }) as unknown as typeof fetch;
    const client = createGatewayClient(testProfile('https://gateway.example'), { fetch: fetchStub, sleep: async () => {} });
    return { client, attempts: () => createAttempts };
  }

  it('a connection reset is outcome-unknown, sent once', async () => {
    const { client, attempts } = clientFailingCreateWith(fetchFailure('ECONNRESET'));
    expect((await failureOf(client.createRoom({ createUserId: 'agent-1' }))).kind).toBe('outcome-unknown');
    expect(attempts()).toBe(1);
  });

  it('a host that cannot be resolved is a plain network error naming the host', async () => {
    const { client, attempts } = clientFailingCreateWith(fetchFailure('ENOTFOUND'));
    const error = await failureOf(client.createRoom({ createUserId: 'agent-1' }));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('gateway.example');
    expect(attempts()).toBe(1);
  });
});
