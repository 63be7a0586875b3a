import { probeLocalProviders } from '@agent-generator/models';
import { createLoopbackModelServer, type LoopbackModelServer } from '@agent-generator/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProviderModelResolver } from '../services/provider-model';
import { createProvidersHarness, SECRET_A, SECRET_B } from './providers.routes.test-harness';

const API_KEY = 'sk-loopback-5ecret-value-9f3a';
const MODELS = ['loop-small', 'loop-large'];

interface Provider {
  id: string;
  enabled: boolean;
  baseUrl: string | null;
  apiKeyMasked: string | null;
  keyUnreadable: boolean;
  defaultModel: string | null;
  source: string | null;
  detected: { baseUrl: string; models: string[] } | null;
  group: string;
  kind: string;
  kinds: string[];
}
interface Connection {
  ok: boolean;
  latencyMs: number;
  message: string;
  code?: string;
}

let harness: Awaited<ReturnType<typeof createProvidersHarness>>;
let modelServer: LoopbackModelServer;
const bodies: string[] = [];

beforeEach(async () => {
  harness = await createProvidersHarness();
  modelServer = await createLoopbackModelServer({ models: MODELS, apiKey: API_KEY });
  bodies.length = 0;
});
afterEach(async () => {
  await modelServer.close();
  await harness.close();
});

type App = ReturnType<typeof harness.appWith>;
async function call(app: App, path: string, init: { method?: string; headers: Record<string, string>; json?: unknown }) {
  const response = await app.request(path, {
    method: init.method ?? 'GET',
    headers: { ...init.headers, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, body: JSON.parse(text) as unknown };
}

const configure = (app: App, headers: Record<string, string>, json: unknown) => call(app, '/api/providers/openai-compatible', { method: 'PUT', headers, json });

describe('provider settings', () => {
  it('lists every catalog provider, grouped, and marks a local server found at start-up as detected', async () => {
    const open = await createLoopbackModelServer({ models: ['llama3.2:1b'] });
    const probes = await probeLocalProviders({ timeoutMs: 1000, baseUrls: { ollama: open.url, ollabridge: 'http://127.0.0.1:9/v1' } });
    const detectedApp = harness.appWith({ localProviders: probes });
    const editor = await harness.headersFor('editor');
    const list = (await call(detectedApp, '/api/providers', { headers: editor })).body as { items: Provider[] };
    await open.close();
    expect(list.items.map((provider) => provider.id)).toEqual(['openai', 'azure-openai', 'anthropic', 'bedrock', 'vertex', 'watsonx', 'ollama', 'ollabridge', 'openai-compatible']);
    expect(list.items.find((provider) => provider.id === 'vertex')?.kinds).toEqual(['gemini', 'vertex']);
    expect(list.items.find((provider) => provider.id === 'watsonx')?.group).toBe('enterprise');
    expect(list.items.find((provider) => provider.id === 'ollama')).toMatchObject({ source: 'detected', detected: { baseUrl: open.url, models: ['llama3.2:1b'] }, enabled: false });
    expect(list.items.find((provider) => provider.id === 'ollabridge')).toMatchObject({ source: null, detected: null });
    expect(list.items.find((provider) => provider.id === 'openai')).toMatchObject({ source: null, apiKeyMasked: null, keyUnreadable: false });
  });

  it('stores a key encrypted, shows only its masked hint, tests the connection and lists models over real HTTP', async () => {
    const app = harness.appWith();
    const admin = await harness.headersFor('admin');
    const saved = await configure(app, admin, { enabled: true, baseUrl: `${modelServer.url}/`, apiKey: API_KEY, defaultModel: 'loop-small' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ enabled: true, baseUrl: modelServer.url, apiKeyMasked: '••••9f3a', keyUnreadable: false, defaultModel: 'loop-small', source: 'stored' });

    const tested = (await call(app, '/api/providers/openai-compatible/test', { method: 'POST', headers: admin })).body as Connection;
    expect(tested.ok).toBe(true);
    expect(tested.message).toMatch(/^Connected to .*2 models available, including loop-small\.$/);
    expect(tested.latencyMs).toBeGreaterThanOrEqual(0);
    const listing = await call(app, '/api/providers/openai-compatible/models', { headers: await harness.headersFor('editor') });
    expect(listing.body).toEqual({ offered: true, models: MODELS.map((id) => ({ id })) });
    // The loopback server refuses requests without the key (and records the header redacted).
    expect(modelServer.requests.length).toBeGreaterThan(0);
    expect(modelServer.requests.every((request) => request.headers.authorization === '[redacted]')).toBe(true);

    // Absent keeps the key; a wrong key fails the test with a message that does not repeat it.
    await configure(app, admin, { defaultModel: 'loop-large' });
    expect(((await call(app, '/api/providers/openai-compatible/test', { method: 'POST', headers: admin })).body as Connection).ok).toBe(true);
    const wrong = (await call(app, '/api/providers/openai-compatible/test', { method: 'POST', headers: admin, json: { apiKey: 'sk-wrong-key-000000000000' } })).body as Connection;
    expect(wrong).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(wrong.message).not.toContain('sk-wrong');

    const everything = [...bodies, ...harness.logLines].join('\n');
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(API_KEY.slice(0, -4));
    expect(harness.logLines.some((line) => line.includes('provider settings updated') && line.includes('apiKey'))).toBe(true);
    const bytes = harness.databaseBytes();
    expect(bytes.includes(Buffer.from(modelServer.url))).toBe(true);
    expect(bytes.includes(Buffer.from(API_KEY))).toBe(false);
    expect(bytes.includes(Buffer.from(API_KEY.slice(0, 12)))).toBe(false);

    const cleared = await configure(app, admin, { apiKey: null });
    expect(cleared.body).toMatchObject({ apiKeyMasked: null });
    expect((await harness.store.providerSettings.get('openai-compatible'))?.apiKeyCiphertext).toBeNull();
  });

  it('refuses hostile input without echoing it, and unknown providers with 404', async () => {
    const app = harness.appWith();
    const admin = await harness.headersFor('admin');
    const long = 'x'.repeat(10_000);
    for (const baseUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/', 'http://user:pw@127.0.0.1:1/v1', `http://${long}.example/`, 'not a url']) {
      const answer = await configure(app, admin, { baseUrl });
      expect(answer.status, baseUrl.slice(0, 40)).toBe(400);
      expect(JSON.stringify(answer.body)).not.toContain(baseUrl.slice(0, 30));
    }
    for (const json of [{ apiKey: long }, { apiKey: 'has space' }, { apiKey: '' }, { defaultModel: long }, { options: { region: long } }, { kind: 'anthropic' }, { unknown: true }, { enabled: 'yes' }]) {
      const answer = await configure(app, admin, json);
      expect(answer.status, JSON.stringify(json).slice(0, 60)).toBe(400);
      expect(JSON.stringify(answer.body)).not.toContain(long.slice(0, 100));
    }
    expect((await call(app, '/api/providers/vertex', { method: 'PUT', headers: admin, json: { kind: 'vertex' } })).body).toMatchObject({ kind: 'vertex' });
    for (const [method, path] of [['PUT', '/api/providers/nope'], ['POST', '/api/providers/nope/test'], ['GET', '/api/providers/nope/models'], ['PUT', `/api/providers/${'a'.repeat(90)}`]] as const) {
      const answer = await call(app, path, { method, headers: admin, ...(method === 'PUT' ? { json: { enabled: true } } : {}) });
      expect(answer.status, path.slice(0, 40)).toBe(404);
    }
    expect(await harness.store.providerSettings.list()).toHaveLength(1);
  });

  it('lets editors read providers and their models, and only admins change or test them', async () => {
    const app = harness.appWith();
    const viewer = await harness.headersFor('viewer');
    const editor = await harness.headersFor('editor');
    expect((await call(app, '/api/providers', { headers: viewer })).status).toBe(403);
    expect((await call(app, '/api/providers', { headers: editor })).status).toBe(200);
    expect((await configure(app, editor, { enabled: true })).status).toBe(403);
    expect((await call(app, '/api/providers/openai/test', { method: 'POST', headers: editor })).status).toBe(403);
    expect((await call(app, '/api/providers', { headers: {} })).status).toBe(401);
  });

  it('reports a provider it cannot reach or that refuses the key as a finding, never as a 5xx or 401', async () => {
    const app = harness.appWith();
    const admin = await harness.headersFor('admin');
    const closed = await createLoopbackModelServer({ models: MODELS });
    const closedUrl = closed.url;
    await closed.close();
    expect((await configure(app, admin, { enabled: true, baseUrl: closedUrl })).status).toBe(200);
    const unreachable = await call(app, '/api/providers/openai-compatible/models', { headers: admin });
    expect(unreachable.status).toBe(200);
    expect(unreachable.body).toMatchObject({ offered: false, reachable: false, models: [] });
    expect((unreachable.body as { message: string }).message).toMatch(/reach|connect/i);

    expect((await configure(app, admin, { baseUrl: modelServer.url, apiKey: 'sk-refused-key-0000000000' })).status).toBe(200);
    const refused = await call(app, '/api/providers/openai-compatible/models', { headers: admin });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ offered: false, reachable: false });
    expect(JSON.stringify(refused.body)).not.toContain('sk-refused');
  });

  it('asks for the key again after SESSION_SECRET is rotated instead of failing', async () => {
    const admin = await harness.headersFor('admin');
    await configure(harness.appWith(), admin, { enabled: true, baseUrl: modelServer.url, apiKey: API_KEY, defaultModel: 'loop-small' });
    const rotated = harness.appWith({ sessionSecret: SECRET_B });
    const list = (await call(rotated, '/api/providers', { headers: admin })).body as { items: Provider[] };
    expect(list.items.find((provider) => provider.id === 'openai-compatible')).toMatchObject({ keyUnreadable: true, apiKeyMasked: '••••9f3a' });
    const tested = (await call(rotated, '/api/providers/openai-compatible/test', { method: 'POST', headers: admin })).body as Connection;
    expect(tested).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(tested.message).toContain('Re-enter the key');
    expect((await call(rotated, '/api/providers/openai-compatible/models', { headers: admin })).status).toBe(400);
    const again = await configure(rotated, admin, { apiKey: API_KEY });
    expect(again.body).toMatchObject({ keyUnreadable: false });
    expect(((await call(rotated, '/api/providers/openai-compatible/test', { method: 'POST', headers: admin })).body as Connection).ok).toBe(true);
  });
});

describe('resolveAgentModel', () => {
  it('is undefined until a provider is enabled with a model, then streams from it', async () => {
    const app = harness.appWith();
    const admin = await harness.headersFor('admin');
    const resolve = createProviderModelResolver({ sessionSecret: SECRET_A });
    const service = { resolveAgentModel: (selection: { provider?: string; model?: string } = {}) => resolve(harness.store, selection) };
    expect(await service.resolveAgentModel()).toBeUndefined();
    await configure(app, admin, { enabled: false, baseUrl: modelServer.url, apiKey: API_KEY, defaultModel: 'loop-small' });
    expect(await service.resolveAgentModel()).toBeUndefined();
    await configure(app, admin, { enabled: true });
    const model = await service.resolveAgentModel();
    expect(model?.provider).toBe('openai-compatible');
    let text = '';
    for await (const part of model?.stream({ messages: [{ role: 'user', content: 'echo this back' }] }) ?? []) if (part.type === 'text-delta') text += part.delta;
    expect(text).toContain('echo this back');
    expect(await service.resolveAgentModel({ provider: 'anthropic' })).toBeUndefined();
    expect((await service.resolveAgentModel({ provider: 'openai-compatible', model: 'loop-large' }))?.provider).toBe('openai-compatible');
    await expect(createProviderModelResolver({ sessionSecret: SECRET_B })(harness.store, {})).rejects.toThrow(/Re-enter the key/);
  });
});
