import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * The built guest page (`npm run build:guest` → out/guest) at `/guest/`, so a sandbox tour works on
 * one machine: a client's browser opens the pass, reads the room link and ticket from the fragment
 * and joins the sandbox's live channel.
 */
export const GUEST_PAGE_PREFIX = '/guest/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

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
  const root = resolve(folder);

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
      let relative: string;
      try {
        relative = decodeURIComponent(pathname.slice(GUEST_PAGE_PREFIX.length)) || 'index.html';
      } catch {
        return writePlain(response, 400, 'bad path');
      }
      const file = normalize(join(root, relative));
      const type = CONTENT_TYPES[extname(file)];
      if (!file.startsWith(root + sep) || type === undefined || !(await stat(file).catch(() => null))?.isFile()) {
        const built = await stat(join(root, 'index.html')).catch(() => null);
        return writePlain(response, 404, built ? 'not found' : 'The guest page is not built: run `npm run build:guest`.');
      }
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': type,
        'content-length': String(body.length),
        'content-security-policy': GUEST_PAGE_CSP,
        'cache-control': type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      });
      response.end(method === 'HEAD' ? undefined : body);
    },
  };
}

function writePlain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(text);
}
