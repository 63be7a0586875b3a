// openProviderStream against a real HTTP server on loopback: text in order, a backlog handed over as
// one chunk, failures classified, Stop honoured, and an injected fetch used instead of node:http.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OperationalError } from '@agent-generator/contracts';
import { afterEach, expect, it } from 'vitest';
import { openProviderStream } from './http-stream';
import type { ErrorContext } from './provider-error';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
}

const context: ErrorContext = { provider: 'openai-compatible', secrets: ['sk-stream-secret'], timeoutMs: 2_000 };
const init = { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-stream-secret' }, body: JSON.stringify({ say: 'héllo' }) };
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function readAll(chunks: AsyncIterable<string>, options: { readonly slowMs?: number } = {}): Promise<string[]> {
  const seen: string[] = [];
  for await (const chunk of chunks) {
    seen.push(chunk);
    if (options.slowMs !== undefined) await pause(options.slowMs);
  }
  return seen;
}

it('sends the body and headers, and reads the answer in order, with a backlog handed over as one chunk', async () => {
  let received = '';
  let authorization: string | undefined;
  const url = await serve((request, response) => {
    authorization = request.headers.authorization;
    request.setEncoding('utf8');
    request.on('data', (text: string) => (received += text));
    request.on('end', async () => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let index = 0; index < 30; index += 1) {
        response.write(`w${index}é `);
        await pause(index < 10 ? 15 : 0);
      }
      response.end();
    });
  });
  const { chunks, deadline } = await openProviderStream({ context, url, init });
  const seen = await readAll(chunks, { slowMs: 30 });
  deadline.dispose();
  expect(received).toBe(init.body);
  expect(authorization).toBe('Bearer sk-stream-secret');
  expect(seen.join('')).toBe(Array.from({ length: 30 }, (_, index) => `w${index}é `).join(''));
  // The last 20 words were written at once while the reader slept: they come as few chunks.
  expect(seen.length).toBeLessThan(20);
});

it('turns a non-2xx answer into an OperationalError with its status and without the key', async () => {
  const url = await serve((_request, response) => {
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' });
    response.end(JSON.stringify({ error: { message: 'slow down, sk-stream-secret' } }));
  });
  const failure = await openProviderStream({ context, url, init }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OperationalError);
  expect(failure).toMatchObject({ code: 'rate_limited', details: { status: 429, retryAfterSeconds: 3 } });
  expect(String((failure as Error).message)).not.toContain('sk-stream-secret');
});

it('fails the read with a connection error when the server cuts the answer short', async () => {
  const url = await serve((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('partial ');
    setTimeout(() => response.socket?.destroy(), 20);
  });
  const { chunks, deadline } = await openProviderStream({ context, url, init });
  const seen: string[] = [];
  const failure = await (async () => {
    for await (const chunk of chunks) seen.push(chunk);
  })().catch((error: unknown) => error);
  deadline.dispose();
  expect(seen.join('')).toBe('partial ');
  expect(failure).toMatchObject({ code: 'ECONNRESET' });
});

it('sends a request again on a new connection when the kept-alive one was closed by the server', async () => {
  const served = new Map<unknown, number>();
  const url = await serve((request, response) => {
    const count = (served.get(request.socket) ?? 0) + 1;
    served.set(request.socket, count);
    // The second request on one connection finds it closed, as when a server drops idle connections.
    if (count > 1) return void request.socket.destroy();
    request.resume();
    request.on('end', () => response.end('answer'));
  });
  for (let index = 0; index < 3; index += 1) {
    const { chunks, deadline } = await openProviderStream({ context, url, init });
    expect((await readAll(chunks)).join('')).toBe('answer');
    deadline.dispose();
  }
  expect(served.size).toBe(3);
});

it('refused connections come back as unavailable', async () => {
  const url = await serve(() => undefined);
  await new Promise((resolve) => servers.pop()?.close(resolve));
  await expect(openProviderStream({ context, url, init })).rejects.toMatchObject({ code: 'unavailable' });
});

it('stops reading and closes the connection when the caller aborts', async () => {
  let closed = false;
  const url = await serve((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const timer = setInterval(() => response.write('tick '), 5);
    response.on('close', () => {
      closed = true;
      clearInterval(timer);
    });
  });
  const controller = new AbortController();
  const { chunks, deadline } = await openProviderStream({ context, url, init, signal: controller.signal });
  const reason = new Error('stopped by the user');
  setTimeout(() => controller.abort(reason), 40);
  const began = performance.now();
  const failure = await readAll(chunks).catch((error: unknown) => error);
  deadline.dispose();
  expect(performance.now() - began).toBeLessThan(1_000);
  // The cut surfaces as an error; the model adapter reports the caller's own reason (callFailure).
  expect(failure).toBeInstanceOf(Error);
  await expect.poll(() => closed).toBe(true);
});

it('uses an injected fetch, and decodes a character split across reads', async () => {
  const bytes = new TextEncoder().encode('añb');
  const calls: string[] = [];
  const fetch = (input: string | URL | Request): Promise<Response> => {
    calls.push(String(input));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 2));
        controller.enqueue(bytes.slice(2));
        controller.close();
      },
    });
    return Promise.resolve(new Response(body, { status: 200 }));
  };
  const { chunks, deadline } = await openProviderStream({ context, url: 'http://models.invalid/v1/chat/completions', init, fetch });
  const seen = await readAll(chunks);
  deadline.dispose();
  expect(calls).toEqual(['http://models.invalid/v1/chat/completions']);
  expect(seen.join('')).toBe('añb');
});
