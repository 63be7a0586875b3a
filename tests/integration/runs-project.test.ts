// Runtime 'project' on the server: a run of a generated ReAct project executes the project's stored
// files in their cached venv against the loopback model, and its events stream over the WebSocket;
// its own tool wrapper follows Safe and Ask mode (answers through the API) and the tool choice.
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
  readonly event: { readonly type: string; readonly notices?: ReadonlyArray<string>; readonly framework?: string; readonly tool?: string; readonly result?: unknown; readonly isError?: boolean; readonly status?: string; readonly output?: string; readonly code?: string; readonly message?: string; readonly callId?: string; readonly approved?: boolean; readonly arguments?: unknown };
}

let server: InProcessServer;
let model: LoopbackModelServer;
let admin: Client;

// A message with this marker asks for file_write; any other for the calculator.
const WRITE = 'WRITE-NOTE';

/** A calculator (or file_write) call first, the answer once the tool result is back (file_write's result repeated). */
function toolThenAnswer(request: ParsedChatRequest): ScriptReply {
  const writes = request.messages.some((message) => message.role === 'user' && (message.content ?? '').includes(WRITE));
  const last = request.messages.at(-1);
  if (last?.role === 'tool') return { text: writes ? `Final Answer: ${last.content ?? ''}` : 'Final Answer: The product is 42.' };
  return { toolCalls: [writes ? { name: 'file_write', arguments: { path: 'note.txt', content: 'line one\n{"callId": "x"} ünï 🙂' } } : { name: 'calculator', arguments: { expression: '6*7' } }] };
}

let projectId = '';

async function startRun(body: Record<string, unknown>): Promise<string> {
  const started = await admin.request(`/api/projects/${projectId}/runs`, { method: 'POST', json: { runtime: 'project', ...body } });
  expect(started.status).toBe(201);
  return ((await started.json()) as { id: string }).id;
}

/** Every event of the run over the WebSocket until its end; `onEvent` sees each as it arrives. */
async function follow(id: string, onEvent: (envelope: Envelope) => void = () => undefined): Promise<Envelope[]> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/runs/${id}`, { headers: { cookie: admin.headers.cookie ?? '', origin: server.url } });
  const received: Envelope[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const envelope = JSON.parse(String(data)) as Envelope;
      received.push(envelope);
      onEvent(envelope);
      if (envelope.event.type === 'run-end' || envelope.event.type === 'run-error') resolve();
    });
    ws.once('error', reject);
  });
  ws.close();
  expect(received.map((envelope) => envelope.seq)).toEqual(received.map((_, index) => index));
  return received;
}

const ofType = (received: ReadonlyArray<Envelope>, type: string): Array<Envelope['event']> => received.filter((envelope) => envelope.event.type === type).map((envelope) => envelope.event);

beforeAll(async () => {
  model = await createLoopbackModelServer({ apiKey: API_KEY, respond: toolThenAnswer });
  server = await startInProcess({ SESSION_SECRET: SECRET });
  // DATA_DIR/venvs points at the machine's test venv cache, so the project's venv is built once.
  const shared = join(cacheRoot(), 'venvs');
  mkdirSync(shared, { recursive: true });
  symlinkSync(shared, join(server.dataDir, 'venvs'));
  admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const created = await admin.request('/api/projects', { method: 'POST', json: { idea: 'A helper that multiplies numbers and writes notes for people', selection: { framework: 'react', pattern: 'react', tools: ['calculator', 'file_write'] } } });
  expect(created.status).toBe(201);
  projectId = ((await created.json()) as { project: { id: string } }).project.id;
  const sealed = createProviderSecrets(SECRET).seal({ providerId: 'openai-compatible', plain: API_KEY });
  await server.store.providerSettings.put({ id: 'openai-compatible', enabled: true, baseUrl: model.url, apiKeyCiphertext: sealed, apiKeyHint: API_KEY.slice(-4), defaultModel: 'loopback-model', options: { maxRetries: 0 } });
});

afterAll(async () => {
  await server?.stop();
  await model?.close();
});

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('runtime project on the server', () => {
  it('runs the stored ReAct project itself: the real calculator, its result to the model, events in order over WS', async () => {
    const id = await startRun({ input: 'what is six times seven?' });
    const received = await follow(id);
    expect(received.at(-1)?.event).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'The product is 42.' });
    expect(received[0]?.event).toMatchObject({ type: 'run-start', framework: 'react' });
    // The planned spec names Ollama's model, and Ollama is not enabled here: the person is told what ran instead.
    expect(received[0]?.event.notices?.join(' ')).toContain('openai-compatible/loopback-model runs instead');
    // The run is in Safe mode (the default), which the project's own tool wrapper now follows: no notice says otherwise.
    expect(received[0]?.event.notices?.join(' ')).not.toContain('spec runtime only');
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

  it('Safe mode (the default): the project refuses file_write and tells the model; nothing is asked', async () => {
    const received = await follow(await startRun({ input: `please ${WRITE}` }));
    expect(ofType(received, 'tool-call-end')).toEqual([expect.objectContaining({ tool: 'file_write', isError: true, result: expect.stringContaining('refused in Safe mode') })]);
    expect(ofType(received, 'approval-request')).toEqual([]);
    expect(received.at(-1)?.event).toMatchObject({ type: 'run-end', status: 'succeeded', output: expect.stringContaining('refused in Safe mode') });
    expect(JSON.stringify(received)).not.toContain('spec runtime only');
  }, 900_000);

  it('Ask mode: approval-request over the WebSocket, the answer through the API resumes the run, approval-response stored once', async () => {
    const id = await startRun({ input: `please ${WRITE}`, permissionMode: 'ask' });
    const answers: Array<Promise<number>> = [];
    const received = await follow(id, (envelope) => {
      if (envelope.event.type !== 'approval-request') return;
      answers.push(admin.request(`/api/runs/${id}/approvals`, { method: 'POST', json: { callId: envelope.event.callId, approved: true } }).then((response) => response.status));
    });
    expect(await Promise.all(answers)).toEqual([202]);
    const [request] = ofType(received, 'approval-request');
    expect(request).toMatchObject({ tool: 'file_write', arguments: { path: 'note.txt', content: 'line one\n{"callId": "x"} ünï 🙂' } });
    expect(ofType(received, 'approval-response')).toEqual([expect.objectContaining({ callId: request?.callId, approved: true })]);
    expect(ofType(received, 'tool-call-end')).toEqual([expect.objectContaining({ callId: request?.callId, tool: 'file_write', isError: false })]);
    expect(received.at(-1)?.event).toMatchObject({ type: 'run-end', status: 'succeeded', output: expect.stringContaining('characters to note.txt') });
    expect(JSON.stringify(received)).not.toContain('spec runtime only');
    // The log holds the answer once (the runtime's own copy was dropped).
    const stored = (await (await admin.request(`/api/runs/${id}/events`)).json()) as { items: Envelope[] };
    expect(stored.items.filter((envelope) => envelope.event.type === 'approval-response')).toHaveLength(1);
  }, 900_000);

  it('Ask mode refused through the API, and a tool turned off by the person, are not called', async () => {
    const refusedId = await startRun({ input: `please ${WRITE}`, permissionMode: 'ask' });
    const refused = await follow(refusedId, (envelope) => {
      if (envelope.event.type === 'approval-request') void admin.request(`/api/runs/${refusedId}/approvals`, { method: 'POST', json: { callId: envelope.event.callId, approved: false } });
    });
    expect(ofType(refused, 'approval-response')).toEqual([expect.objectContaining({ approved: false })]);
    expect(ofType(refused, 'tool-call-end')).toEqual([expect.objectContaining({ isError: true, result: expect.stringContaining('refused this file_write call') })]);
    const off = await follow(await startRun({ input: `please ${WRITE}`, permissionMode: 'dev', tools: ['calculator'] }));
    expect(ofType(off, 'tool-call-end')).toEqual([expect.objectContaining({ isError: true, result: expect.stringContaining('turned the file_write tool off') })]);
  }, 900_000);
});
