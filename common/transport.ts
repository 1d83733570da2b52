/**
 * The one rule for where secrets, tokens and tickets may travel: encrypted transport (https, wss)
 * to any host, plain http/ws only to this machine (the built-in sandbox), and nothing else
 * (no javascript:, file:, data:, chrome:…), no credentials in the URL.
 */
export type TransportKind = 'web' | 'socket';

const SCHEMES: Record<TransportKind, { secure: string; loopbackOnly: string }> = {
  web: { secure: 'https:', loopbackOnly: 'http:' },
  socket: { secure: 'wss:', loopbackOnly: 'ws:' },
};

/** Loopback hosts, as the WHATWG URL parser normalises them. */
export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Whether `urlText` may carry a secret: the kinds allowed default to both web pages and sockets. */
export function isAllowedTransport(urlText: string, kinds: readonly TransportKind[] = ['web', 'socket']): boolean {
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return false;
  }
  if (url.hostname === '' || url.username !== '' || url.password !== '') return false;
  return kinds.some((kind) => {
    const { secure, loopbackOnly } = SCHEMES[kind];
    return url.protocol === secure || (url.protocol === loopbackOnly && isLoopbackHostname(url.hostname));
  });
}

export const TRANSPORT_RULE_TEXT = 'https (or http on this machine only: 127.0.0.1, ::1, localhost)';
