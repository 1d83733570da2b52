import type { GatewayClient } from '../realsee/client';
import { GatewayError } from '../realsee/errors';
import type { VrWork } from '../realsee/vr-work';

/**
 * Loads a VR's Work from the current endpoint (`/open/v3/vr/info`), falling back to the legacy one
 * (`/open/v1/entity/vr`) when the current one is missing on this gateway or refuses or garbles the
 * answer. Network trouble, timeouts, rate limits, token refusals and server errors are reported
 * as they are: the legacy path would meet them too.
 */
export async function loadVrWork(client: Pick<GatewayClient, 'getVrWork'>, vrCode: string): Promise<VrWork> {
  try {
    return await client.getVrWork(vrCode, 'current');
  } catch (e) {
    if (!currentPathMayBeMissing(e)) throw e;
  }
  return client.getVrWork(vrCode, 'legacy');
}

function currentPathMayBeMissing(e: unknown): boolean {
  if (!(e instanceof GatewayError)) return false;
  const { kind, httpStatus } = e.appError;
  return kind === 'protocol' || (kind === 'gateway' && (httpStatus ?? 200) < 500);
}
