import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export interface StaticFileOptions {
  /** The built folder (e.g. out/guest); nothing outside it is ever read. */
  folder: string;
  /** The decoded path inside the folder ('' = index.html). */
  relative: string;
  method: string;
  /** Headers of every file answered (the page's policy); HTML gets no-store, the rest is cached. */
  headers: Record<string, string>;
  /** The 404 text when the folder has no index.html (the build step to run). */
  notBuilt: string;
}

/**
 * Answers one file of a static build (the guest and tour pages): known file types only, never a path
 * out of the folder, HTML never cached. Resolves once the answer is written.
 */
export async function serveStaticFile(response: ServerResponse, options: StaticFileOptions): Promise<void> {
  const root = resolve(options.folder);
  const file = normalize(join(root, options.relative || 'index.html'));
  const type = CONTENT_TYPES[extname(file)];
  if (!file.startsWith(root + sep) || type === undefined || !(await stat(file).catch(() => null))?.isFile()) {
    const built = await stat(join(root, 'index.html')).catch(() => null);
    return writePlain(response, 404, built ? 'not found' : options.notBuilt);
  }
  const body = await readFile(file);
  response.writeHead(200, {
    'content-type': type,
    'content-length': String(body.length),
    'cache-control': type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    ...options.headers,
  });
  response.end(options.method === 'HEAD' ? undefined : body);
}

/** Decodes a URL path below `prefix`; null when it is not valid percent-encoding. */
export function relativePath(pathname: string, prefix: string): string | null {
  try {
    return decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
}

export function writePlain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(text);
}
