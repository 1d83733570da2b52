import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tourPageCsp } from '../../../main/tour/tour-csp';
import { startTourServer, type TourServer } from '../../../main/tour/tour-server';

let server: TourServer | null = null;
let folder: string | null = null;
afterEach(async () => {
  await server?.dispose();
  if (folder) await rm(folder, { recursive: true, force: true });
  server = null;
  folder = null;
});

async function built(): Promise<TourServer> {
  folder = await mkdtemp(join(tmpdir(), 'roomdesk-tour-page-'));
  await mkdir(join(folder, 'assets'));
  await writeFile(join(folder, 'index.html'), '<p>guest</p>');
  await writeFile(join(folder, 'tour.html'), '<p>tour</p>');
  await writeFile(join(folder, 'assets', 'tour.js'), 'export {};');
  await writeFile(join(folder, 'secret.txt'), 'not served');
  server = await startTourServer({ folder });
  return server;
}

/** A raw GET, so the Host header can be anything (fetch does not let a test set it). */
function get(url: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('tour page policy', () => {
  it("allows the page's own scripts and the Work's origins, and nothing inline, framed or socketed", () => {
    const csp = tourPageCsp(['https://cdn.example.com', 'http://127.0.0.1:4010']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("img-src 'self' blob: data: https://cdn.example.com http://127.0.0.1:4010");
    expect(csp).toContain("connect-src 'self' https://cdn.example.com http://127.0.0.1:4010");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|ws:|wss:|\*/);
  });

  it('drops an origin that could smuggle a directive or a wildcard', () => {
    const csp = tourPageCsp(['https://a.example.com; script-src *', 'https://*.example.com', "https://b.example.com'", 'javascript:1']);
    expect(csp).toBe(tourPageCsp([]));
  });
});

describe('tour page server', () => {
  it('serves a session page with its own policy on 127.0.0.1, and nothing once the session is closed', async () => {
    const tours = await built();
    const session = tours.open(['https://cdn.example.com']);
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tour\/[0-9a-f]{32}\/$/);
    const page = await get(session.url);
    expect(page.status).toBe(200);
    expect(page.body).toBe('<p>tour</p>');
    expect(page.headers['content-security-policy']).toBe(tourPageCsp(['https://cdn.example.com']));
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await get(`${session.url}assets/tour.js`)).status).toBe(200);

    const other = tours.open([]);
    expect(other.id).not.toBe(session.id);
    expect((await get(other.url)).headers['content-security-policy']).toBe(tourPageCsp([]));

    tours.close(session.id);
    expect((await get(session.url)).status).toBe(404);
    expect((await get(`${session.url}assets/tour.js`)).status).toBe(404);
  });

  it('refuses unknown sessions, paths out of the build, other file types and other host names', async () => {
    const tours = await built();
    const session = tours.open([]);
    expect((await get(`${tours.origin}/tour/${'0'.repeat(32)}/`)).status).toBe(404);
    expect((await get(`${tours.origin}/guest/`)).status).toBe(404);
    expect((await get(`${session.url}secret.txt`)).status).toBe(404);
    expect((await get(`${session.url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await get(`${session.url}%E0%A4%A`)).status).toBe(400);
    expect((await get(session.url, `evil.example:${new URL(tours.origin).port}`)).status).toBe(421);
    expect((await get(session.url.slice(0, -1))).status).toBe(308);
  });
});
