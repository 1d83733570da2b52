import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { build } from 'vite';

const fixtureRoot = resolve(import.meta.dirname, '../fixture');
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Builds the tour engine fixture page as a production build (one folder per worker and run). */
export async function buildTourFixture(): Promise<string> {
  const outDir = join(tmpdir(), `roomdesk-tour-fixture-${process.pid}-${process.env.TEST_WORKER_INDEX ?? '0'}`);
  await build({ root: fixtureRoot, base: './', logLevel: 'error', configFile: false, build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Every built script with its size and gzip size, in bytes. */
export async function scriptSizes(outDir: string): Promise<Array<{ file: string; bytes: number; gzip: number; text: string }>> {
  const assets = join(outDir, 'assets');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  return Promise.all(
    files.map(async (file) => {
      const body = await readFile(join(assets, file));
      return { file, bytes: body.length, gzip: gzipSync(body).length, text: body.toString('utf8') };
    }),
  );
}

/** Serves the built page to `page` as if from `origin` (any host name), without a server. */
export async function routeTourFixture(page: Page, origin: string, outDir: string): Promise<string> {
  await page.route(`${origin}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname).slice(1) || 'index.html';
    const file = normalize(join(outDir, path));
    if (!file.startsWith(outDir + sep)) return route.fulfill({ status: 404 });
    const body = await readFile(file).catch(() => null);
    if (body === null) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, body, headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream' } });
  });
  return `${origin}/index.html`;
}

/** Serves the built page on 127.0.0.1 (an IP page: Five renders unsigned Works there). */
export async function serveTourFixture(outDir: string, options: { csp?: string } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://fixture').pathname).slice(1) || 'index.html';
    const file = normalize(join(outDir, path));
    if (!file.startsWith(outDir + sep) || !(await stat(file).catch(() => null))?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(options.csp ? { 'content-security-policy': options.csp } : {}),
    });
    response.end(await readFile(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
