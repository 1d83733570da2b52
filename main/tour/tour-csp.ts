/** An http(s) origin as `getVrWork` lists them: scheme, host and port, nothing a policy could misread. */
const ORIGIN_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * The tour page's policy: its own scripts (and Five's WebAssembly), its own styles, images and
 * fetches from the page itself and the Work's origins only (Five shows XHR'd panoramas through
 * blob: URLs), no inline script, no frames, never framed. The page talks to main through its
 * preload, never to the room's channel, so no ws: source is allowed.
 */
export function tourPageCsp(resourceOrigins: readonly string[]): string {
  const origins = [...new Set(resourceOrigins.filter((origin) => ORIGIN_PATTERN.test(origin)))];
  const list = origins.length > 0 ? ` ${origins.join(' ')}` : '';
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `img-src 'self' blob: data:${list}`,
    `connect-src 'self'${list}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
