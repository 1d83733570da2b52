import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { realSleep, sendGatewayRequest } from '../../../main/realsee/http';
import { GatewayError } from '../../../main/realsee/errors';
import { failureOf, testClient } from './support/client-setup';
import { envelope } from './support/loopback-gateway';

const MiB = 1024 * 1024;

/**
 * Answers the token request normally and every other request with a JSON answer whose nickname
 * is `fillerBytes` long, written 1 MiB at a time (with a Content-Length only when asked).
 */
async function startHugeAnswerServer(
  fillerBytes: number,
  declareLength = false,
): Promise<{ baseUrl: string; sent: () => number; server: Server }> {
  let sent = 0;
  const server = createServer((req, res) => {
    req.resume();
    if (req.url?.includes('access_token')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(envelope({ access_token: 'tok-huge', expire_at: 4_000_000_000 })));
    }
    const head = Buffer.from('{"code":0,"data":{"room_code":"R","room_link":"https://x/R","nickname":"');
    const tail = Buffer.from('"}}');
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(head.length + fillerBytes + tail.length) } : {}),
    });
    res.write(head);
    let filler = 0;
    const pump = (): void => {
      while (filler < fillerBytes && !res.destroyed) {
        const size = Math.min(MiB, fillerBytes - filler);
        filler += size;
        sent += size;
        if (!res.write(Buffer.alloc(size, 0x61))) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end(tail);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('answers from the gateway are read up to a limit', () => {
  it('a 300 MB answer is cut off at the default 8 MiB with a protocol error, and memory stays flat', async () => {
    const huge = await startHugeAnswerServer(300 * MiB);
    servers.push(huge.server);
    const { client } = testClient(huge.baseUrl, { timeouts: { requestMs: 60_000 } });
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const error = await failureOf(client.getRoomDetail('R'));
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('MiB');
    expect(huge.sent()).toBeLessThan(100 * MiB);
    expect(rssGrowth).toBeLessThan(120 * MiB);
  }, 60_000);

  it('the limit is per call, and a declared Content-Length over it is refused before reading', async () => {
    const big = await startHugeAnswerServer(4 * MiB, true);
    servers.push(big.server);
    const request = { method: 'GET' as const, url: new URL(`${big.baseUrl}/x`), timeoutMs: 10_000 };
    const deps = { fetch: globalThis.fetch, sleep: realSleep };
    const refused = await sendGatewayRequest({ ...request, maxAnswerBytes: MiB }, deps, { attempts: 1, baseDelayMs: 0 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(GatewayError);
    expect((refused as GatewayError).appError.kind).toBe('protocol');
    const answer = await sendGatewayRequest({ ...request, maxAnswerBytes: 8 * MiB }, deps);
    expect(answer.envelope.code).toBe(0);
  }, 30_000);

  it('an answer under the limit is read as before', async () => {
    const small = await startHugeAnswerServer(1);
    servers.push(small.server);
    const { client } = testClient(small.baseUrl);
    expect((await client.getRoomDetail('R')).room_code).toBe('R');
  });
});
