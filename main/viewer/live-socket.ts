import WebSocket from 'ws';

/** The little the live channel client needs from a WebSocket. */
export interface LiveSocket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export interface LiveSocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Called once, whatever ended the socket (a refused handshake included, with code 1006). */
  onClose(code: number, reason: string): void;
}

export type LiveSocketFactory = (url: string, handlers: LiveSocketHandlers) => LiveSocket;

const HANDSHAKE_TIMEOUT_MS = 10_000;
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * A `ws` WebSocket in main; errors become a close, and the URL (it carries the ticket) is never logged.
 * A fragment is dropped (it means nothing to a WebSocket and `ws` refuses it). A handshake answered
 * with an HTTP 4xx closes as 1008, like a refusal after the upgrade; other failures close as 1006.
 * Throws synchronously only for a link no socket can be opened for (not ws/wss, malformed).
 */
export const wsSocketFactory: LiveSocketFactory = (url, handlers) => {
  const target = new URL(url);
  target.hash = '';
  const socket = new WebSocket(target, { handshakeTimeout: HANDSHAKE_TIMEOUT_MS, maxPayload: MAX_MESSAGE_BYTES, followRedirects: false });
  let closed = false;
  const finish = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    handlers.onClose(code, reason);
  };
  socket.on('open', () => handlers.onOpen());
  socket.on('message', (data, isBinary) => {
    if (!isBinary) handlers.onMessage(data.toString());
  });
  socket.on('unexpected-response', (request, response) => {
    const status = response.statusCode ?? 0;
    request.destroy();
    finish(status >= 400 && status < 500 ? 1008 : 1006, `the server answered the handshake with HTTP ${status}`);
  });
  socket.on('close', (code, reason) => finish(code, reason.toString()));
  socket.on('error', () => finish(1006, 'connection error'));
  return {
    send: (text) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    close: (code = 1000, reason = '') => {
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close(code, reason);
    },
  };
};
