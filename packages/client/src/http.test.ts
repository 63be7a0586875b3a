// Tests of the HTTP transport against a real loopback server: CSRF on writes, error envelopes, 401 handling.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { createClient } from './create-client';
import { createHttp } from './http';

let server: Server;
let baseUrl = '';
const seen: Array<{ method: string; url: string; csrf: string | undefined; body: string }> = [];

async function bodyOf(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    seen.push({ method: request.method ?? '', url: request.url ?? '', csrf: request.headers['x-csrf-token'] as string | undefined, body });
    if (request.url === '/api/auth/me') {
      response.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'unauthenticated', message: 'Sign in first.', details: {} } }));
    } else if (request.url?.startsWith('/api/projects/p%201/files/src/main.py')) {
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('print("hi")');
    } else if (request.url === '/broken') {
      response.writeHead(502).end('<html>bad gateway</html>');
    } else {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('client transport', () => {
  it('sends the CSRF token on writes only, and JSON bodies', async () => {
    const client = createClient({ baseUrl, csrfToken: () => 'csrf-1' });
    await client.projects.list({ search: 'digest', framework: 'crewai' });
    await client.projects.rename('p1', 'New name');
    const [list, rename] = seen.slice(-2);
    expect(list).toMatchObject({ method: 'GET', url: '/api/projects?search=digest&framework=crewai', csrf: undefined });
    expect(rename).toMatchObject({ method: 'PATCH', url: '/api/projects/p1', csrf: 'csrf-1', body: '{"name":"New name"}' });
  });

  it('turns the error envelope into an ApiError and reports a 401', async () => {
    const onUnauthenticated = vi.fn();
    const client = createClient({ baseUrl, onUnauthenticated });
    const error = await client.auth.me().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', message: 'Sign in first.' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('says what came back when the answer is not an error envelope', async () => {
    const error = await createHttp({ baseUrl }).request('GET', '/broken').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: 'unavailable' });
  });

  it('encodes ids and file paths segment by segment and reads files as text', async () => {
    const text = await createClient({ baseUrl }).projects.file('p 1', 'src/main.py', 2);
    expect(text).toBe('print("hi")');
    expect(seen.at(-1)?.url).toBe('/api/projects/p%201/files/src/main.py?version=2');
  });

  it('reports an unreachable server as unavailable', async () => {
    const error = await createClient({ baseUrl: 'http://127.0.0.1:1' }).system().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: 'unavailable' });
  });
});
