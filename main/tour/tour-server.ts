import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relativePath, serveStaticFile, writePlain } from '../http/static-files';
import { tourPageCsp } from './tour-csp';

export const TOUR_PATH_PREFIX = '/tour/';
/** The tour page's HTML in the guest build (vite.guest.config.ts builds both pages). */
export const TOUR_PAGE_FILE = 'tour.html';
const SESSION_PATTERN = /^[0-9a-f]{32}$/;

export interface TourSession {
  id: string;
  /** The page to load: `http://127.0.0.1:<port>/tour/<id>/`. */
  url: string;
  origin: string;
}

/**
 * Serves the built tour page on loopback: Five renders signed Works on an IP address page, and a
 * WebContentsView loads it like any http page. Each opened tour gets a random session path; only a
 * live session is answered, with a policy limited to that session's Work origins. Requests naming
 * another host (DNS rebinding) are refused.
 */
export async function startTourServer(options: { folder: string; host?: string }) {
  const sessions = new Map<string, { csp: string }>();
  const host = options.host ?? '127.0.0.1';

  const server = createServer((request, response) => {
    void answer(request, response).catch(() => {
      if (!response.headersSent) writePlain(response, 500, 'internal error');
      else response.destroy();
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    request.resume();
    const method = request.method ?? 'GET';
    if (request.headers.host !== authority) return writePlain(response, 421, 'wrong host');
    if (method !== 'GET' && method !== 'HEAD') return writePlain(response, 405, 'method not allowed', { allow: 'GET, HEAD' });
    const pathname = new URL(request.url ?? '/', origin).pathname;
    if (!pathname.startsWith(TOUR_PATH_PREFIX)) return writePlain(response, 404, 'not found');
    const rest = pathname.slice(TOUR_PATH_PREFIX.length);
    const slash = rest.indexOf('/');
    const id = slash < 0 ? rest : rest.slice(0, slash);
    const session = SESSION_PATTERN.test(id) ? sessions.get(id) : undefined;
    if (!session) return writePlain(response, 404, 'This tour is closed.');
    if (slash < 0) {
      response.writeHead(308, { location: `${TOUR_PATH_PREFIX}${id}/`, 'cache-control': 'no-store' });
      response.end();
      return;
    }
    const relative = relativePath(pathname, `${TOUR_PATH_PREFIX}${id}/`);
    if (relative === null) return writePlain(response, 400, 'bad path');
    return serveStaticFile(response, {
      folder: options.folder,
      relative: relative === '' ? TOUR_PAGE_FILE : relative,
      method,
      headers: { 'content-security-policy': session.csp },
      notBuilt: 'The tour page is not built: run `npm run build:guest`.',
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const authority = `${host}:${port}`;
  const origin = `http://${authority}`;

  return {
    origin,
    /** A new session for one opened tour: its own page URL and policy. */
    open(resourceOrigins: readonly string[]): TourSession {
      const id = randomBytes(16).toString('hex');
      sessions.set(id, { csp: tourPageCsp(resourceOrigins) });
      return { id, url: `${origin}${TOUR_PATH_PREFIX}${id}/`, origin };
    },
    /** The session's page and files are no longer served. */
    close(id: string): void {
      sessions.delete(id);
    },
    isOpen: (id: string): boolean => sessions.has(id),
    async dispose(): Promise<void> {
      sessions.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TourServer = Awaited<ReturnType<typeof startTourServer>>;
