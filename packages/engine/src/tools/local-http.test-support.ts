// A throwaway HTTP server on 127.0.0.1 for the network tool tests; records what it was asked.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface LocalServer {
  readonly origin: string;
  readonly port: number;
  readonly requests: Array<{ readonly method: string; readonly url: string; readonly headers: IncomingMessage['headers']; readonly body: string }>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export function useLocalServers(): (handler: Handler) => Promise<LocalServer> {
  const closers: Array<() => void> = [];
  afterEach(() => {
    for (const close of closers.splice(0)) close();
  });
  return async (handler) => {
    const requests: LocalServer['requests'] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        handler(request, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      server.closeAllConnections();
      server.close();
    });
    const { port } = server.address() as AddressInfo;
    return { origin: `http://127.0.0.1:${port}`, port, requests };
  };
}

export const noSignal = (): { signal: AbortSignal } => ({ signal: new AbortController().signal });
