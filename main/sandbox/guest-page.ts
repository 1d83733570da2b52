import type { IncomingMessage, ServerResponse } from 'node:http';
import { relativePath, serveStaticFile, writePlain } from '../http/static-files';

/**
 * The built guest page (`npm run build:guest` → out/guest) at `/guest/`, so a sandbox tour works on
 * one machine: a client's browser opens the pass, reads the room link and ticket from the fragment
 * and joins the sandbox's live channel.
 */
export const GUEST_PAGE_PREFIX = '/guest/';

/** The same floor as the page's own <meta> policy; the page narrows it once it knows the room and the Work. */
export const GUEST_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data: https:",
  "connect-src 'self' ws: wss: https:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function createGuestPage(folder: string) {
  return {
    matches: (pathname: string) => pathname === '/guest' || pathname.startsWith(GUEST_PAGE_PREFIX),

    async serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
      request.resume();
      const method = request.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') return writePlain(response, 405, 'method not allowed', { allow: 'GET, HEAD' });
      if (pathname === '/guest') {
        response.writeHead(308, { location: GUEST_PAGE_PREFIX, 'cache-control': 'no-store' });
        response.end();
        return;
      }
      const relative = relativePath(pathname, GUEST_PAGE_PREFIX);
      if (relative === null) return writePlain(response, 400, 'bad path');
      return serveStaticFile(response, {
        folder,
        relative,
        method,
        headers: { 'content-security-policy': GUEST_PAGE_CSP },
        notBuilt: 'The guest page is not built: run `npm run build:guest`.',
      });
    },
  };
}
