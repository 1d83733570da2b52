import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';

let gateway: SandboxGateway | null = null;
afterEach(async () => {
  await gateway?.close();
  gateway = null;
});

interface RawAnswer {
  status: number;
  body: string;
}

/** A request with headers fetch would not let us set (Host), as a rebinding page or another site sends them. */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const tokenForm = (app: { appKey: string; appSecret: string }) =>
  new URLSearchParams({ app_key: app.appKey, app_secret: app.appSecret }).toString();

describe('the sandbox only answers this machine, never another site', () => {
  it('refuses a Host header that is not 127.0.0.1:<port> or localhost:<port> (DNS rebinding)', async () => {
    gateway = await startSandboxGateway();
    const port = new URL(gateway.baseUrl).port;
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: tokenForm(gateway.demoApp) };
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      '127.0.0.1',
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `[::1]:${port}x`,
    ]) {
      const answer = await send(gateway.baseUrl, '/auth/access_token', { ...form, headers: { ...form.headers, host } });
      expect(answer.status, host).toBe(403);
      expect(answer.body).not.toContain('access_token');
    }
    // Another loopback port is a relay on this machine in front of the sandbox, not another site.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${Number(port) + 1}`]) {
      const answer = await send(gateway.baseUrl, '/auth/access_token', { ...form, headers: { ...form.headers, host } });
      expect(answer.status, host).toBe(200);
      expect(JSON.parse(answer.body).data.access_token).toEqual(expect.any(String));
    }
  });

  it('refuses a cross-site browser POST to the token endpoint (a form on another site)', async () => {
    gateway = await startSandboxGateway();
    const base = { method: 'POST', body: tokenForm(gateway.demoApp) };
    const crossSite: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:1' },
    ];
    for (const headers of crossSite) {
      const answer = await send(gateway.baseUrl, '/auth/access_token', {
        ...base,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body).not.toContain('access_token');
    }
    const sameOrigin = await send(gateway.baseUrl, '/auth/access_token', {
      ...base,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: gateway.baseUrl, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);
  });
});
