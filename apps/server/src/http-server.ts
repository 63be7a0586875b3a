// The Node HTTP server around the app: header limits, keep-alive, and JSON answers even for
// requests Node's HTTP parser refuses before the app sees them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createAdaptorServer, type WebSocketServerLike } from '@hono/node-server';
import { WebSocketServer } from 'ws';

// Long enough for every documented query and path parameter percent-encoded (4-byte UTF-8 → 12 bytes).
const MAX_HEADER_BYTES = 32 * 1024;

// Requests Node's HTTP parser refuses never reach the app; they still get the API's error shape.
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const message = tooLarge ? 'The request line or headers are too large; shorten the URL or headers.' : 'The request is not valid HTTP.';
  const body = JSON.stringify({ error: { code: 'invalid_input', message, details: {} } });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export interface HttpServer {
  readonly server: Server;
  /**
   * Closes every open WebSocket with 1001 (going away). Upgraded sockets are not HTTP connections,
   * so `server.close()` would wait for them forever; clients resume on another replica with afterSeq.
   */
  closeWebSockets(): void;
}

export function createHttpServer(handler: (request: Request, env: unknown) => Response | Promise<Response>): HttpServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  // ws types `options.noServer` as optional; the adapter only needs to read that it is true.
  const socketServer = Object.assign(sockets, { options: { ...sockets.options, noServer: true } }) as WebSocketServerLike;
  // WebSocket upgrades (run and chat streams) go through the same handler as every request.
  const server = createAdaptorServer({
    fetch: handler,
    createServer,
    serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
    websocket: { server: socketServer },
  }) as Server;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
  return {
    server,
    closeWebSockets: () => {
      for (const client of sockets.clients) client.close(1001, 'the server is shutting down');
    },
  };
}

export function listen(server: Server, address: { readonly port: number; readonly host: string }): Promise<AddressInfo> {
  return new Promise((resolveListening, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      const bound = server.address();
      if (typeof bound === 'object' && bound !== null) resolveListening(bound);
      else reject(new Error('the server has no TCP address'));
    });
  });
}

export function originOf(address: AddressInfo): string {
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

