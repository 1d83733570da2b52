export const PROBE_TIMEOUT_MS = 5_000;

export interface GatewayProbeOptions {
  /** The base URL of the gateway the active profile uses. */
  baseUrl(): Promise<string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * A quiet reachability check: one unauthenticated GET of the gateway's base URL. Any HTTP answer,
 * even a 404, proves the gateway is reachable; it costs no token and no rate-limit budget.
 */
export function createGatewayProbe(options: GatewayProbeOptions): () => Promise<void> {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  return async () => {
    const url = new URL(await options.baseUrl());
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchFn(url.origin + '/', { method: 'GET', redirect: 'manual', signal: controller.signal });
      await response.body?.cancel();
    } finally {
      clearTimeout(timer);
    }
  };
}
