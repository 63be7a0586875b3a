// Runtime 'project' on the server: a run of a generated ReAct project executes the project's stored
// files in their cached venv against the loopback model, and its events stream over the WebSocket.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createProviderSecrets } from '@agent-generator/api';
import { createLoopbackModelServer, type LoopbackModelServer, type ParsedChatRequest, type ScriptReply } from '@agent-generator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_EMAIL, ADMIN_PASSWORD, signIn, startInProcess, type Client, type InProcessServer } from './server-harness';
import { cacheRoot } from './support/python-venv';

const SECRET = 'a-runs-project-test-session-secret-32-chars';
const API_KEY = 'sk-project-runtime-key-1234567890';

interface Envelope {
  readonly runId: string;
  readonly seq: number;
  readonly event: { readonly type: string; readonly notices?: ReadonlyArray<string>; readonly framework?: string; readonly tool?: string; readonly result?: unknown; readonly status?: string; readonly output?: string; readonly code?: string; readonly message?: string };
}

let server: InProcessServer;
let model: LoopbackModelServer;
let admin: Client;

/** A calculator call first, the answer once the tool result is back. */
function toolThenAnswer(request: ParsedChatRequest): ScriptReply {
  return request.messages.at(-1)?.role === 'tool' ? { text: 'Final Answer: The product is 42.' } : { toolCalls: [{ name: 'calculator', arguments: { expression: '6*7' } }] };
}

beforeAll(async () => {
  model = await createLoopbackModelServer({ apiKey: API_KEY, respond: toolThenAnswer });
  server = await startInProcess({ SESSION_SECRET: SECRET });
  // DATA_DIR/venvs points at the machine's test venv cache, so the project's venv is built once.
  const shared = join(cacheRoot(), 'venvs');
  mkdirSync(shared, { recursive: true });
  symlinkSync(shared, join(server.dataDir, 'venvs'));
  admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const sealed = createProviderSecrets(SECRET).seal({ providerId: 'openai-compatible', plain: API_KEY });
  await server.store.providerSettings.put({ id: 'openai-compatible', enabled: true, baseUrl: model.url, apiKeyCiphertext: sealed, apiKeyHint: API_KEY.slice(-4), defaultModel: 'loopback-model', options: { maxRetries: 0 } });
});

afterAll(async () => {
  await server?.stop();
  await model?.close();
});

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('runtime project on the server', () => {
  it('runs the stored ReAct project itself: the real calculator, its result to the model, events in order over WS', async () => {
    const created = await admin.request('/api/projects', { method: 'POST', json: { idea: 'A helper that multiplies numbers for people', selection: { framework: 'react', pattern: 'react', tools: ['calculator'] } } });
    expect(created.status).toBe(201);
    const { project } = (await created.json()) as { project: { id: string } };
    const started = await admin.request(`/api/projects/${project.id}/runs`, { method: 'POST', json: { input: 'what is six times seven?', runtime: 'project' } });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/runs/${id}`, { headers: { cookie: admin.headers.cookie ?? '', origin: server.url } });
    const received: Envelope[] = [];
    const last = await new Promise<Envelope>((resolve, reject) => {
      ws.on('message', (data) => {
        const envelope = JSON.parse(String(data)) as Envelope;
        received.push(envelope);
        if (envelope.event.type === 'run-end' || envelope.event.type === 'run-error') resolve(envelope);
      });
      ws.once('error', reject);
    });
    ws.close();
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'The product is 42.' });
    expect(received.map((envelope) => envelope.seq)).toEqual(received.map((_, index) => index));
    expect(received[0]?.event).toMatchObject({ type: 'run-start', framework: 'react' });
    // The planned spec names Ollama's model, and Ollama is not enabled here: the person is told what ran instead.
    expect(received[0]?.event.notices?.join(' ')).toContain('openai-compatible/loopback-model runs instead');
    // The run is in Safe mode (the default), which the project's own code does not follow: said plainly.
    expect(received[0]?.event.notices?.join(' ')).toContain('Safe mode applies to the spec runtime only');
    const types = received.map((envelope) => envelope.event.type);
    expect(types.indexOf('tool-call-start')).toBeGreaterThan(types.indexOf('step-start'));
    const toolEnd = received.find((envelope) => envelope.event.type === 'tool-call-end');
    expect(toolEnd?.event).toMatchObject({ tool: 'calculator' });
    expect(String(toolEnd?.event.result)).toContain('42');
    expect(JSON.stringify(model.requests.at(-1)?.body)).toContain('42');
    expect(JSON.stringify(received)).not.toContain(API_KEY);
    const stored = (await (await admin.request(`/api/runs/${id}`)).json()) as { status: string; runtime: string };
    expect(stored).toMatchObject({ status: 'succeeded', runtime: 'project' });
  }, 900_000);
});
