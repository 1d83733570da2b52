import type { Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'vite';
import { contentSecurityPolicy } from '../../../../main/shell/content-security-policy';

const projectRoot = resolve(import.meta.dirname, '../../../..');
const FIXTURE_PATH = '/viewer-fixture/';
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Builds a fixture page, the RoomViewer's by default (one folder per fixture, worker and run: workers
 * build in parallel). `fixture` is its folder under the project root.
 */
export async function buildViewerFixture(fixture = 'test/e2e/viewer/fixture'): Promise<string> {
  const name = fixture.split('/').at(-2) ?? 'viewer';
  const outDir = join(tmpdir(), `roomdesk-${name}-fixture-${process.pid}-${process.env.TEST_WORKER_INDEX ?? '0'}`);
  await build({
    root: join(projectRoot, fixture),
    base: './',
    logLevel: 'error',
    configFile: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * Serves the fixture on the app's own origin under /viewer-fixture/ with the app's CSP, so the
 * harness treats it as the app's top frame and the real preload runs in it. Returns its URL.
 */
export async function serveViewerFixture(page: Page, appOrigin: string, outDir: string): Promise<string> {
  await page.route(`${appOrigin}${FIXTURE_PATH}**`, async (route) => {
    const relative = decodeURIComponent(new URL(route.request().url()).pathname.slice(FIXTURE_PATH.length)) || 'index.html';
    const file = normalize(join(outDir, relative));
    if (!file.startsWith(outDir + sep)) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(file);
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': contentSecurityPolicy({ isDev: false }),
        },
      });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  return `${appOrigin}${FIXTURE_PATH}index.html`;
}
