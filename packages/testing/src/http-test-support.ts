// Shared by this package's tests: starts servers that are closed after each test, posts JSON.
import { afterEach } from 'vitest';
import { createLoopbackModelServer, type LoopbackModelServer, type LoopbackModelServerOptions } from './loopback-model-server';

/** Registers an afterEach hook and returns a starter whose servers it closes. */
export function useLoopbackServers(): (options?: LoopbackModelServerOptions) => Promise<LoopbackModelServer> {
  const servers: LoopbackModelServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (options = {}) => {
    const server = await createLoopbackModelServer(options);
    servers.push(server);
    return server;
  };
}

export function postJson(url: string, body: unknown, init: { readonly headers?: Record<string, string>; readonly signal?: AbortSignal } = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
}
