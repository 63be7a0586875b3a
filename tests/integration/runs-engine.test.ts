// The engine behind the server's runs, over real HTTP and WebSocket with the loopback model: a tool
// call runs the real calculator and its result reaches the model; Ask mode asks over the chat
// WebSocket and approving runs the tool, refusing tells the model; 429, 500 and a silent provider
// end the run with a run-error a person understands.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProviderSecrets } from '@agent-generator/api';
import { createStore } from '@agent-generator/store';
import { createLoopbackModelServer, type LoopbackModelServer, type ParsedChatRequest, type ScriptReply } from '@agent-generator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_EMAIL, ADMIN_PASSWORD, signIn, startInProcess, tempDir, type Client, type InProcessServer } from './server-harness';

const SECRET = 'a-runs-engine-test-session-secret-of-32-chars';
const API_KEY = 'sk-engine-test-key-1234567890';

interface Envelope {
  readonly runId: string;
  readonly seq: number;
  readonly event: { readonly type: string; readonly code?: string; readonly message?: string; readonly status?: string; readonly callId?: string; readonly tool?: string; readonly result?: string; readonly approved?: boolean; readonly isError?: boolean };
}

let server: InProcessServer;
let model: LoopbackModelServer;
let admin: Client;
let projectId: string;

function lastOf(request: ParsedChatRequest) {
  return request.messages.at(-1);
}

/** Replies by the marker word in the run input (a tool call when that tool is offered); after a tool result, repeats what the tool said. */
function respond(request: ParsedChatRequest): ScriptReply {
  const last = lastOf(request);
  if (last?.role === 'tool') return { text: `The tool said: ${last.content ?? ''}` };
  const input = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
  const offered = (name: string) => request.tools.some((tool) => tool.name === name);
  if (input.includes('MARK-CALC') && offered('calculator')) return { toolCalls: [{ name: 'calculator', arguments: { expression: '(2 + 3) * 4 ^ 2' } }] };
  if (input.includes('MARK-WRITE') && offered('file_write')) return { toolCalls: [{ name: 'file_write', arguments: { path: 'notes/out.txt', content: 'written by the agent' } }] };
  if (input.includes('MARK-429')) return { error: { status: 429, retryAfter: 7, message: 'Too many requests' } };
  if (input.includes('MARK-500')) return { error: { status: 500, message: 'upstream exploded' } };
  if (input.includes('MARK-SILENT')) return { text: 'too late', delayMs: 5_000 };
  return { text: 'plain answer' };
}

async function putProvider(options: { readonly timeoutMs: number }, target: InProcessServer = server): Promise<void> {
  const sealed = createProviderSecrets(SECRET).seal({ providerId: 'openai-compatible', plain: API_KEY });
  await target.store.providerSettings.put({ id: 'openai-compatible', enabled: true, baseUrl: model.url, apiKeyCiphertext: sealed, apiKeyHint: API_KEY.slice(-4), defaultModel: 'loopback-model', options: { maxRetries: 0, timeoutMs: options.timeoutMs } });
}

function socket(path: string, target: { readonly url: string; readonly client: Client } = { url: server.url, client: admin }) {
  const ws = new WebSocket(`${target.url.replace('http', 'ws')}${path}`, { headers: { cookie: target.client.headers.cookie ?? '', origin: target.url } });
  const received: Envelope[] = [];
  const waiters: Array<{ predicate: (envelope: Envelope) => boolean; resolve: (envelope: Envelope) => void }> = [];
  ws.on('message', (data) => {
    const envelope = JSON.parse(String(data)) as Envelope;
    received.push(envelope);
    for (const waiter of waiters.filter((candidate) => candidate.predicate(envelope))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(envelope);
    }
  });
  const next = (predicate: (envelope: Envelope) => boolean): Promise<Envelope> => {
    const found = received.find(predicate);
    return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ predicate, resolve }));
  };
  const opened = new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  return { ws, received, next, opened };
}

const ends = (envelope: Envelope) => envelope.event.type === 'run-end' || envelope.event.type === 'run-error';
const ofType = (received: ReadonlyArray<Envelope>, type: string) => received.filter((envelope) => envelope.event.type === type).map((envelope) => envelope.event);

/** The tool message the model received for a call, from the loopback server's recorded requests. */
function toolResultsSent(): string[] {
  return model.requests.flatMap((request) => {
    const messages = (request.body as { messages?: Array<{ role: string; content: unknown }> } | undefined)?.messages ?? [];
    return messages.filter((message) => message.role === 'tool').map((message) => String(message.content));
  });
}

async function runToEnd(input: string): Promise<{ readonly received: Envelope[]; readonly last: Envelope }> {
  const started = await admin.request(`/api/projects/${projectId}/runs`, { method: 'POST', json: { input } });
  expect(started.status).toBe(201);
  const { id } = (await started.json()) as { id: string };
  const { ws, next, received, opened } = socket(`/api/runs/${id}`);
  await opened;
  const last = await next(ends);
  ws.close();
  return { received, last };
}

async function askSession(owner: Client = admin, project: string = projectId): Promise<string> {
  const response = await owner.request('/api/chat/sessions', { method: 'POST', json: { projectId: project, permissionMode: 'ask' } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { sessionId: string }).sessionId;
}

async function createProject(owner: Client): Promise<string> {
  const created = await owner.request('/api/projects', { method: 'POST', json: { idea: 'A math helper that computes figures and writes notes', selection: { framework: 'react', pattern: 'react', tools: ['calculator', 'file_write'] } } });
  expect(created.status).toBe(201);
  const { project, version } = (await created.json()) as { project: { id: string }; version: { spec: { agents: Array<{ tools: string[] }> } } };
  // Each tool is held by one agent, so each marker word leads to exactly one tool call.
  expect(version.spec.agents.flatMap((agent) => agent.tools).sort()).toEqual(['calculator', 'file_write']);
  return project.id;
}

beforeAll(async () => {
  model = await createLoopbackModelServer({ apiKey: API_KEY, respond });
  server = await startInProcess({ SESSION_SECRET: SECRET });
  admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  projectId = await createProject(admin);
  await putProvider({ timeoutMs: 2_000 });
});

afterAll(async () => {
  await server?.stop();
  await model?.close();
});

describe('the engine behind runs', () => {
  it('a tool call runs the real calculator and its result reaches the model', async () => {
    const { received, last } = await runToEnd('please compute it MARK-CALC');
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(ofType(received, 'tool-call-start')[0]).toMatchObject({ tool: 'calculator' });
    expect(ofType(received, 'tool-call-end')[0]).toMatchObject({ result: '80', isError: false });
    expect(ofType(received, 'tool-call-start')).toHaveLength(1);
    expect(toolResultsSent()).toContain('80');
    expect(ofType(received, 'text-delta').length).toBeGreaterThan(0);
  });

  it('Ask mode: the approval request arrives over the chat WebSocket; approving runs the tool', async () => {
    const { ws, next, received, opened } = socket(`/api/chat/sessions/${await askSession()}/stream`);
    await opened;
    ws.send(JSON.stringify({ type: 'message', text: 'write the notes MARK-WRITE' }));
    const request = await next((envelope) => envelope.event.type === 'approval-request');
    expect(request.event).toMatchObject({ tool: 'file_write' });
    ws.send(JSON.stringify({ type: 'approval', callId: request.event.callId, approved: true }));
    const last = await next(ends);
    ws.close();
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(ofType(received, 'approval-response')).toEqual([expect.objectContaining({ callId: request.event.callId, approved: true })]);
    expect(ofType(received, 'tool-call-end')[0]).toMatchObject({ isError: false });
    const written = join(server.dataDir, 'run-workspaces', last.runId, 'notes/out.txt');
    expect(readFileSync(written, 'utf8')).toBe('written by the agent');
    expect(received.map((envelope) => envelope.seq)).toEqual(received.map((_, index) => index));
  });

  it('Ask mode: refusing tells the model, writes nothing, and the run goes on', async () => {
    const { ws, next, received, opened } = socket(`/api/chat/sessions/${await askSession()}/stream`);
    await opened;
    ws.send(JSON.stringify({ type: 'message', text: 'write the notes again MARK-WRITE' }));
    const request = await next((envelope) => envelope.event.type === 'approval-request');
    ws.send(JSON.stringify({ type: 'approval', callId: request.event.callId, approved: false }));
    const last = await next(ends);
    ws.close();
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(ofType(received, 'approval-response')).toEqual([expect.objectContaining({ approved: false })]);
    expect(toolResultsSent().at(-1)).toMatch(/the user refused this file_write call/);
    expect(existsSync(join(server.dataDir, 'run-workspaces', last.runId, 'notes/out.txt'))).toBe(false);
  });

  it('429 from the provider becomes run-error rate_limited, naming when to retry', async () => {
    const { last } = await runToEnd('hello MARK-429');
    expect(last.event).toMatchObject({ type: 'run-error', code: 'rate_limited' });
    expect(last.event.message).toMatch(/rate-limiting requests \(429\)/);
    expect(last.event.message).toMatch(/7 s/);
  });

  it('500 from the provider becomes run-error unavailable', async () => {
    const { last } = await runToEnd('hello MARK-500');
    expect(last.event).toMatchObject({ type: 'run-error', code: 'unavailable' });
    expect(last.event.message).toMatch(/server error \(500\)\. Try again in a moment\./);
  });

  it('a provider that does not answer in time becomes run-error unavailable with the timeout and where to raise it', async () => {
    await putProvider({ timeoutMs: 300 });
    try {
      const { last } = await runToEnd('hello MARK-SILENT');
      expect(last.event).toMatchObject({ type: 'run-error', code: 'unavailable' });
      expect(last.event.message).toMatch(/did not answer within 0\.3 s.*Settings → Providers/);
    } finally {
      await putProvider({ timeoutMs: 2_000 });
    }
  });

  it('the provider key appears in no stored event', async () => {
    const runs = await server.store.runs.list({ limit: 100 });
    const events = await Promise.all(runs.items.map((run) => server.store.runs.events(run.id)));
    expect(JSON.stringify(events)).not.toContain(API_KEY);
    expect(server.logs.raw.join('\n')).not.toContain(API_KEY);
  });

  it('stopping the server while a run waits for approval closes the sockets (1001) and ends the run with worker_stopped', async () => {
    const dataDir = tempDir('runs-shutdown');
    const other = await startInProcess({ SESSION_SECRET: SECRET, DATA_DIR: dataDir });
    try {
      const owner = await signIn(other.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const project = await createProject(owner);
      await putProvider({ timeoutMs: 2_000 }, other);
      const { ws, next, opened } = socket(`/api/chat/sessions/${await askSession(owner, project)}/stream`, { url: other.url, client: owner });
      await opened;
      ws.send(JSON.stringify({ type: 'message', text: 'write it MARK-WRITE' }));
      const request = await next((envelope) => envelope.event.type === 'approval-request');
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await other.stop();
      expect(await closed).toBe(1001);
      const store = await createStore({ databaseUrl: `sqlite:${join(dataDir, 'agent-generator.db')}` });
      try {
        const run = await store.runs.get(request.runId as Parameters<typeof store.runs.get>[0]);
        expect(run).toMatchObject({ status: 'failed', error: { code: 'worker_stopped' } });
        expect(run?.error?.message).toMatch(/start the run again/);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
