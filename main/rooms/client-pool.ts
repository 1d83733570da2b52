import { createHash } from 'node:crypto';
import { createGatewayClient, type GatewayClient } from '../realsee/client';
import { SecretRegistry } from '../realsee/errors';
import type { GatewayProfile } from '../realsee/profile';

/**
 * Keeps one gateway client (and so one access-token cache) per profile, and replaces it when the
 * profile's address or credentials change. The fingerprint is a hash: secrets are not map keys.
 */
export function createClientPool(
  secrets: SecretRegistry = new SecretRegistry(),
  make: (profile: GatewayProfile) => GatewayClient = createGatewayClient,
) {
  const clients = new Map<string, { fingerprint: string; client: GatewayClient }>();
  return {
    clientFor(profileId: string, profile: GatewayProfile): GatewayClient {
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([profile.baseUrl, profile.appKey, profile.appSecret, profile.endpoints ?? null, profile.roles]))
        .digest('hex');
      const cached = clients.get(profileId);
      if (cached?.fingerprint === fingerprint) return cached.client;
      // Registered so the app's log can never print this secret, whatever path it takes.
      secrets.addPermanent(profile.appSecret);
      const client = make(profile);
      clients.set(profileId, { fingerprint, client });
      return client;
    },
    forget(profileId: string): void {
      clients.delete(profileId);
    },
  };
}
export type ClientPool = ReturnType<typeof createClientPool>;
