import { createLoopbackModelServer } from '@agent-generator/testing';
import { expect, it } from 'vitest';
import { probeLocalProviders } from './probe-local-providers';

async function closedPortUrl(): Promise<string> {
  const server = await createLoopbackModelServer();
  await server.close();
  return server.url;
}

it('reports both local providers absent when nothing listens', async () => {
  const probes = await probeLocalProviders({ timeoutMs: 250, baseUrls: { ollama: await closedPortUrl(), ollabridge: await closedPortUrl() } });
  expect(probes.map((probe) => [probe.provider, probe.available, probe.models])).toEqual([
    ['ollama', false, []],
    ['ollabridge', false, []],
  ]);
});

it('lists the models of a server that answers and gives up on one that never does', async () => {
  const ollama = await createLoopbackModelServer({ models: ['llama3.2:3b', 'qwen2.5:7b'] });
  const silentUrl = 'http://127.0.0.1:9/v1';
  // A server that accepts the connection and never answers: only the probe's own timeout ends the wait.
  const fetchWithSilentServer: typeof fetch = async (input, init) =>
    String(input).startsWith(silentUrl) ? new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))) : fetch(input, init);
  try {
    const probes = await probeLocalProviders({ timeoutMs: 200, fetch: fetchWithSilentServer, baseUrls: { ollama: `${ollama.origin}/v1`, ollabridge: silentUrl } });
    expect(probes).toEqual([
      { provider: 'ollama', baseUrl: ollama.url, available: true, models: [{ id: 'llama3.2:3b' }, { id: 'qwen2.5:7b' }] },
      { provider: 'ollabridge', baseUrl: silentUrl, available: false, models: [] },
    ]);
  } finally {
    await ollama.close();
  }
});
