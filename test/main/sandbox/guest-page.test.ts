import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';
import { GUEST_PAGE_CSP } from '../../../main/sandbox/guest-page';

let folder: string;
let sandbox: SandboxGateway;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'roomdesk-guest-page-'));
  await mkdir(join(folder, 'assets'));
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>guest</title>');
  await writeFile(join(folder, 'assets', 'entry.js'), 'export {};');
  await writeFile(join(folder, 'notes.txt'), 'not a page file');
  await writeFile(join(folder, '..', 'roomdesk-guest-secret.html'), 'outside');
  sandbox = await startSandboxGateway({ guestPageDir: folder });
});

afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
  await rm(join(folder, '..', 'roomdesk-guest-secret.html'), { force: true });
});

describe('sandbox guest page', () => {
  it('serves the built page at /guest/ with its content type and policy', async () => {
    const page = await fetch(`${sandbox.baseUrl}/guest/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(GUEST_PAGE_CSP);
    expect(await page.text()).toContain('<title>guest</title>');

    const script = await fetch(`${sandbox.baseUrl}/guest/assets/entry.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('redirects /guest to the folder', async () => {
    const answer = await fetch(`${sandbox.baseUrl}/guest`, { redirect: 'manual' });
    expect(answer.status).toBe(308);
    expect(answer.headers.get('location')).toBe('/guest/');
  });

  it('serves nothing outside the build, nor files of other types, nor writes', async () => {
    for (const path of ['/guest/..%2Froomdesk-guest-secret.html', '/guest/notes.txt', '/guest/missing.js', '/guest/%E0%A4%A']) {
      const answer = await fetch(`${sandbox.baseUrl}${path}`);
      expect([400, 404], path).toContain(answer.status);
      expect(await answer.text()).not.toContain('outside');
    }
    expect((await fetch(`${sandbox.baseUrl}/guest/`, { method: 'POST', body: 'x' })).status).not.toBe(200);
  });

  it('says how to build the page when it is missing', async () => {
    const empty = await startSandboxGateway({ guestPageDir: join(folder, 'nowhere') });
    try {
      const answer = await fetch(`${empty.baseUrl}/guest/`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain('npm run build:guest');
    } finally {
      await empty.close();
    }
  });
});
