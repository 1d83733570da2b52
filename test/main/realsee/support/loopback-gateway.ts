import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the loopback gateway received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Reply =
  | { json: unknown; httpStatus?: number; delayMs?: number }
  | { raw: string; httpStatus?: number; contentType?: string; delayMs?: number }
  /** Closes the connection after reading the request, without answering. */
  | { destroy: true; delayMs?: number }
  /** Never answers (until the server closes). */
  | { hang: true };

export type Route = (request: ReceivedRequest, index: number) => Reply;

export interface LoopbackGateway {
  baseUrl: string;
  requests: ReceivedRequest[];
  requestsTo(path: string): ReceivedRequest[];
  /** Replaces the handler of one path. `index` counts requests to that path, from 0. */
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export const TOKEN_PATH = '/auth/access_token';

export function envelope(data: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    request_id: 'req-ok',
    trace_id: 'trace',
    business_code: '',
    osi_request_id: 'osi',
    code: 0,
    status: 'success',
    data,
    cost: 1,
    ...overrides,
  };
}

export function failure(code: number, status: string, requestId = 'req-failed'): Record<string, unknown> {
  return { request_id: requestId, trace_id: 'trace', code, status, data: null, cost: 1 };
}

/**
 * A tiny scripted HTTP server on loopback: real sockets and real HTTP, with each path's answer
 * decided by the test. The token endpoint answers with numbered tokens by default.
 */
export async function startLoopbackGateway(options: { tokenLifetimeSeconds?: number; now?: () => number } = {}): Promise<LoopbackGateway> {
  const requests: ReceivedRequest[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const lifetime = options.tokenLifetimeSeconds ?? 300;
  const now = options.now ?? Date.now;
  const routes = new Map<string, Route>([
    [
      TOKEN_PATH,
      (_request, index) => ({ json: envelope({ access_token: `token-${index + 1}`, expire_at: Math.floor(now() / 1000) + lifetime }) }),
    ],
  ]);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://loopback');
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const index = counts.get(url.pathname) ?? 0;
      counts.set(url.pathname, index + 1);
      const handler = routes.get(url.pathname);
      const reply: Reply = handler ? handler(received, index) : { json: failure(-3, 'no such path'), httpStatus: 404 };
      answer(reply, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    route: (path, handler) => void routes.set(path, handler),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(reply: Reply, res: ServerResponse): void {
  if ('hang' in reply) return;
  const send = (): void => {
    if ('destroy' in reply) {
      res.socket?.destroy();
      return;
    }
    const isJson = 'json' in reply;
    const body = isJson ? JSON.stringify(reply.json) : reply.raw;
    const contentType = isJson ? 'application/json' : (reply.contentType ?? 'text/html');
    res.writeHead(reply.httpStatus ?? 200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  if (reply.delayMs) setTimeout(send, reply.delayMs);
  else send();
}

/** A loopback port with nothing listening on it. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
