import { expect } from 'vitest';
import type { AppError } from '../../../../common/errors';
import { createGatewayClient, type GatewayClientDeps } from '../../../../main/realsee/client';
import { GatewayError } from '../../../../main/realsee/errors';
import type { GatewayProfile } from '../../../../main/realsee/profile';

export const APP_KEY = 'demoappkey000001';
export const APP_SECRET = 'super-secret/value+with=chars';

export function testProfile(baseUrl: string, overrides: Partial<GatewayProfile> = {}): GatewayProfile {
  return {
    baseUrl,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    roles: { host: 'anchor', guest: 'audience' },
    timeouts: { requestMs: 2_000 },
    ...overrides,
  };
}

/** A client whose GET retries do not really wait; the delays asked for are recorded. */
export function testClient(baseUrl: string, overrides: Partial<GatewayProfile> = {}, deps: GatewayClientDeps = {}) {
  const sleeps: number[] = [];
  const client = createGatewayClient(testProfile(baseUrl, overrides), {
    sleep: async (ms) => void sleeps.push(ms),
    ...deps,
  });
  return { client, sleeps };
}

/** Awaits a rejection and returns its app error, checking it is a GatewayError. */
export async function failureOf(promise: Promise<unknown>): Promise<AppError & { error: GatewayError }> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
    const error = e as GatewayError;
    return { ...error.appError, error };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Every text a failure exposes: message, app error fields, stack. */
export function everyTextOf(failure: AppError & { error: GatewayError }): string {
  const { error, ...appError } = failure;
  return [JSON.stringify(appError), error.message, String(error.stack), String(error)].join('\n');
}
