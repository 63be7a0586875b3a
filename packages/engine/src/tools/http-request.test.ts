import { describe, expect, it } from 'vitest';
import { createHttpRequestTool } from './http-request';
import { httpSettingsOf } from './http-settings';
import { noSignal, useLocalServers } from './local-http.test-support';

const serve = useLocalServers();
const publicOnly = createHttpRequestTool({ description: 'HTTP', settings: httpSettingsOf({}) });
const withPrivate = (http: { timeoutMs?: number; maxResponseBytes?: number } = {}) =>
  createHttpRequestTool({ description: 'HTTP', settings: httpSettingsOf({ allowPrivateNetwork: true, http }) });

describe('http_request', () => {
  it('calls the API and returns status, content type and body', async () => {
    const server = await serve((_, response) => response.setHeader('content-type', 'application/json').end('{"ok":true}'));
    const outcome = await withPrivate().execute({ url: `${server.origin}/items?x=1`, method: 'POST', body: '{"name":"a"}' }, noSignal());
    expect(outcome).toEqual({ content: 'HTTP 200\ncontent-type: application/json\n\n{"ok":true}', isError: false });
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/items?x=1', body: '{"name":"a"}', headers: { 'content-type': 'application/json' } });
  });

  it('treats GET and HEAD as read-only and every other method as a side effect', () => {
    expect(publicOnly.hasSideEffects({ url: 'https://example.com' })).toBe(false);
    expect(publicOnly.hasSideEffects({ url: 'https://example.com', method: 'HEAD' })).toBe(false);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(publicOnly.hasSideEffects({ url: 'https://example.com', method })).toBe(true);
  });

  it.each([
    ['loopback', (port: number) => `http://127.0.0.1:${port}/`],
    ['loopback, short form', (port: number) => `http://127.1:${port}/`],
    ['loopback, decimal form', (port: number) => `http://2130706433:${port}/`],
    ['IPv6 loopback', (port: number) => `http://[::1]:${port}/`],
    ['IPv4-mapped IPv6 loopback', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
    ['a name that resolves to loopback', (port: number) => `http://localhost:${port}/`],
    ['the unspecified address', (port: number) => `http://0.0.0.0:${port}/`],
  ])('refuses %s without connecting (SSRF)', async (_, urlFor) => {
    const server = await serve((_request, response) => response.end('secret'));
    const outcome = await publicOnly.execute({ url: urlFor(server.port) }, noSignal());
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(/refused to connect .*private, loopback or link-local/);
    expect(server.requests).toHaveLength(0);
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://[fd00::1]/', 'http://100.64.1.1/', 'http://10.0.0.1/', 'http://[fe80::1]/'])('refuses %s', async (url) => {
    expect(await publicOnly.execute({ url }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('refused to connect') });
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/', 'gopher://127.0.0.1/', 'not a url'])('refuses %s', async (url) => {
    expect(await publicOnly.execute({ url }, noSignal())).toMatchObject({ isError: true, content: expect.stringMatching(/only http and https|not a valid URL/) });
  });

  it('follows redirects for GET and checks every hop', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/old') response.writeHead(302, { location: '/new' }).end();
      else response.end(`at ${request.url ?? ''}`);
    });
    expect((await withPrivate().execute({ url: `${server.origin}/old` }, noSignal())).content).toMatch(/^HTTP 200[\s\S]*at \/new$/);
  });

  it('cuts bodies longer than the size limit', async () => {
    const server = await serve((_, response) => response.end('x'.repeat(50_000)));
    const outcome = await withPrivate({ maxResponseBytes: 1_000 }).execute({ url: server.origin }, noSignal());
    expect(outcome.content).toContain('[truncated: the body is longer than 1000 bytes]');
    expect(outcome.content.length).toBeLessThan(1_200);
  });

  it('gives up on a server that does not answer in time', async () => {
    const server = await serve(() => undefined);
    const outcome = await withPrivate({ timeoutMs: 200 }).execute({ url: server.origin }, noSignal());
    expect(outcome).toEqual({ content: `error: 127.0.0.1:${server.port} did not answer within 0.2 s`, isError: true });
  });

  it('refuses huge request bodies', async () => {
    expect(await withPrivate().execute({ url: 'http://127.0.0.1/', method: 'POST', body: 'x'.repeat(200_000) }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('invalid arguments') });
  });
});
