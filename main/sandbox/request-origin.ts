import type { IncomingMessage } from 'node:http';

/** The names this machine's browsers and clients use for the sandbox; anything else is another site. */
function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * A loopback name with a port. The port may differ from ours only behind a loopback relay (the
 * network tests put one in front of the sandbox): a rebinding page's requests always carry its
 * own host name, which is what this refuses.
 */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost):\d{1,5}$/;

/**
 * Why a request must not be served, or null. The sandbox listens on loopback only, but a web page
 * can still reach it: through DNS rebinding (its own host name resolving to 127.0.0.1, so the
 * `Host` header names that site) or with a cross-site form POST. Writes (POST, WebSocket
 * upgrades) must come from the sandbox's own pages or from a client that is not a browser.
 */
export function requestRefusal(request: IncomingMessage, port: number, isWrite: boolean): string | null {
  const hosts = ownHosts(port);
  const host = (request.headers.host ?? '').toLowerCase();
  if (!LOOPBACK_HOST.test(host)) return 'this sandbox only answers to 127.0.0.1 and localhost';
  if (!isWrite) return null;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site requests are refused';
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((own) => origin.toLowerCase() === `http://${own}`)) return 'cross-site requests are refused';
  return null;
}
