import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLoopbackModelServer } from '@agent-generator/testing';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { startLocalProviderProbe } from './local-provider-probe';
import { createLogger } from './logger';
import { startServer } from './start-server';

function captureLogs() {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { raw, logger: createLogger({ level: 'debug', destination }) };
}

/** A port that accepts connections and never answers. */
async function silentPort(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('local provider probe at start-up', () => {
  it('gives up on a server that never answers and on a refused port, and logs that it found nothing', async () => {
    const silent = await silentPort();
    const { raw, logger } = captureLogs();
    const found = await startLocalProviderProbe({ logger, baseUrls: { ollama: silent.url, ollabridge: 'http://127.0.0.1:9/v1' } });
    await silent.close();
    expect(found.map((probe) => [probe.provider, probe.available])).toEqual([
      ['ollama', false],
      ['ollabridge', false],
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(raw.some((line) => line.includes('no local model server found') && line.includes('probeMs'))).toBe(true);
  });

  it('offers a local server it found, and keeps a provider key out of the log, the answers and the database file', async () => {
    const apiKey = 'sk-server-test-7b1e-secret-value';
    const local = await createLoopbackModelServer({ models: ['qwen2.5:0.5b'] });
    const keyed = await createLoopbackModelServer({ models: ['loop-model'], apiKey });
    const dataDir = mkdtempSync(join(tmpdir(), 'ag-server-providers-'));
    const { raw, logger } = captureLogs();
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'an admin password for tests', LOG_LEVEL: 'debug' });
    // The loopback server shares this process's event loop with start-up, so it gets more than 250 ms.
    const server = await startServer(config, { logger, localProviderProbe: { timeoutMs: 5000, baseUrls: { ollama: local.url, ollabridge: 'http://127.0.0.1:9/v1' } } });
    const answers: string[] = [];
    try {
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'an admin password for tests' }) });
      const cookie = login.headers.getSetCookie().map((entry) => entry.split(';')[0]).join('; ');
      const headers = { cookie, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
      const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
        const response = await fetch(`${server.url}${path}`, { method: init.method ?? 'GET', headers: { ...headers, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
        const text = await response.text();
        answers.push(text);
        return JSON.parse(text) as Record<string, unknown>;
      };
      const list = (await call('/api/providers')) as { items: Array<{ id: string; source: string | null; detected: unknown }> };
      expect(list.items.find((provider) => provider.id === 'ollama')).toMatchObject({ source: 'detected', detected: { baseUrl: local.url, models: ['qwen2.5:0.5b'] } });
      expect(await call('/api/providers/openai-compatible', { method: 'PUT', body: { enabled: true, baseUrl: keyed.url, apiKey, defaultModel: 'loop-model' } })).toMatchObject({ apiKeyMasked: '••••alue' });
      expect(await call('/api/providers/openai-compatible/test', { method: 'POST' })).toMatchObject({ ok: true });
      expect(await call('/api/providers/openai-compatible/test', { method: 'POST', body: { apiKey: `${apiKey}-wrong` } })).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(await call('/api/providers/openai-compatible/models')).toEqual({ offered: true, models: [{ id: 'loop-model' }] });
    } finally {
      await server.close();
      await Promise.all([local.close(), keyed.close()]);
    }
    const files = Buffer.concat(readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name))));
    rmSync(dataDir, { recursive: true, force: true });
    expect(raw.some((line) => line.includes('found local model servers'))).toBe(true);
    expect(raw.some((line) => line.includes('provider settings updated'))).toBe(true);
    expect(files.includes(Buffer.from(keyed.url))).toBe(true);
    for (const text of [raw.join('\n'), answers.join('\n'), files.toString('latin1')]) expect(text).not.toContain(apiKey.slice(0, 16));
  });
});
