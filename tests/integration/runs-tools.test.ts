// The tools chosen for a chat message, over a real server and WebSocket with the loopback model: the
// model is offered only the chosen tools, the run record keeps them (GET /api/runs/:id), no choice
// offers every tool, and hostile tool lists are refused with a clear error and start no run.
import { createProviderSecrets } from '@agent-generator/api';
import { createLoopbackModelServer, type LoopbackModelServer } from '@agent-generator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_EMAIL, ADMIN_PASSWORD, signIn, startInProcess, type Client, type InProcessServer } from './server-harness';

const SECRET = 'a-runs-tools-test-session-secret-of-32-chars';
const API_KEY = 'sk-tools-test-key-1234567890';

interface Received {
  readonly type: string;
  readonly runId?: string;
  readonly event?: { readonly type: string };
  readonly error?: { readonly code: string; readonly message: string };
}

let server: InProcessServer;
let model: LoopbackModelServer;
let admin: Client;
let projectId: string;

function chatSocket(sessionId: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/chat/sessions/${sessionId}/stream`, { headers: { cookie: admin.headers.cookie ?? '', origin: server.url } });
  const received: Received[] = [];
  const waiters: Array<{ predicate: (message: Received) => boolean; resolve: (message: Received) => void }> = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Received;
    received.push(message);
    for (const waiter of waiters.filter((candidate) => candidate.predicate(message))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  const next = (predicate: (message: Received) => boolean): Promise<Received> => {
    const found = received.find(predicate);
    return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ predicate, resolve }));
  };
  const opened = new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  return { ws, received, next, opened };
}

const ends = (message: Received) => message.event?.type === 'run-end' || message.event?.type === 'run-error';

async function newSession(): Promise<string> {
  const response = await admin.request('/api/chat/sessions', { method: 'POST', json: { projectId } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { sessionId: string }).sessionId;
}

const sessionRuns = async (sessionId: string) => ((await (await admin.request(`/api/runs?sessionId=${sessionId}`)).json()) as { total: number }).total;
const offeredIn = (index: number) => (model.requests[index]?.body as { tools?: Array<{ function: { name: string } }> }).tools?.map((tool) => tool.function.name) ?? [];

beforeAll(async () => {
  model = await createLoopbackModelServer({ apiKey: API_KEY, respond: () => ({ text: 'plain answer' }) });
  server = await startInProcess({ SESSION_SECRET: SECRET });
  admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const created = await admin.request('/api/projects', { method: 'POST', json: { idea: 'A math helper that computes figures and writes notes', selection: { framework: 'react', pattern: 'react', tools: ['calculator', 'file_write'] } } });
  expect(created.status).toBe(201);
  projectId = ((await created.json()) as { project: { id: string } }).project.id;
  const sealed = createProviderSecrets(SECRET).seal({ providerId: 'openai-compatible', plain: API_KEY });
  await server.store.providerSettings.put({ id: 'openai-compatible', enabled: true, baseUrl: model.url, apiKeyCiphertext: sealed, apiKeyHint: API_KEY.slice(-4), defaultModel: 'loopback-model', options: { maxRetries: 0, timeoutMs: 2_000 } });
});

afterAll(async () => {
  await server?.stop();
  await model?.close();
});

describe('the tools chosen for a chat message', () => {
  it('the model is offered only the chosen tools, and the run keeps them; without a choice every tool is offered', async () => {
    const { ws, next, opened } = chatSocket(await newSession());
    await opened;
    const before = model.requests.length;
    ws.send(JSON.stringify({ type: 'message', text: 'compute something', tools: ['calculator', 'calculator', 'no_such_tool'] }));
    const chosen = await next(ends);
    expect(chosen.event).toMatchObject({ type: 'run-end' });
    expect(offeredIn(before)).toEqual(['calculator']);
    const run = (await (await admin.request(`/api/runs/${chosen.runId ?? ''}`)).json()) as { tools: string[] | null };
    expect(run.tools).toEqual(['calculator', 'no_such_tool']);

    const second = model.requests.length;
    ws.send(JSON.stringify({ type: 'message', text: 'and now everything' }));
    const every = await next((message) => ends(message) && message.runId !== chosen.runId);
    expect(offeredIn(second).sort()).toEqual(['calculator', 'file_write']);
    expect(((await (await admin.request(`/api/runs/${every.runId ?? ''}`)).json()) as { tools: unknown }).tools).toBeNull();
    ws.close();
  });

  it.each([
    ['200 names', Array.from({ length: 200 }, (_, index) => `tool_${index}`)],
    ['a 1 kB name', ['x'.repeat(1024)]],
    ['a path', ['../x']],
    ['not a list', 'calculator'],
    ['a NUL byte', ['calc\u0000ulator']],
    ['an empty name', ['']],
    ['a number', [42]],
  ])('refuses %s with a clear error and starts no run', async (_name, tools) => {
    const sessionId = await newSession();
    const { ws, next, opened } = chatSocket(sessionId);
    await opened;
    ws.send(JSON.stringify({ type: 'message', text: 'hello', tools }));
    const refused = await next((message) => message.type === 'error');
    expect(refused.error).toEqual({ code: 'invalid_input', message: expect.stringMatching(/^tools must be a list of at most 64 tool names, each 1 to 64 characters of a-z, 0-9, _ and -/) });
    // The socket stays usable: a valid message after the refused one runs.
    ws.send(JSON.stringify({ type: 'message', text: 'hello', tools: ['calculator'] }));
    await next(ends);
    ws.close();
    expect(await sessionRuns(sessionId)).toBe(1);
  });
});
