// Chat and runs over a real server (SQLite file, HTTP and WebSocket on loopback) with the loopback
// model: tokens in order over WS, reconnect replay without gaps or duplicates, SSE resume, Stop,
// no model configured, provider errors as run-error, and a known key in no event, response or log.
import { createProviderSecrets } from '@agent-generator/api';
import { createLoopbackModelServer, type LoopbackModelServer } from '@agent-generator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_EMAIL, ADMIN_PASSWORD, signIn, startInProcess, type Client, type InProcessServer } from './server-harness';

const SECRET = 'a-runs-test-session-secret-of-at-least-32-chars';
const API_KEY = 'sk-known-secret-value-1234567890';
interface Envelope {
  readonly type: string;
  readonly runId: string;
  readonly seq: number;
  readonly event: { readonly type: string; readonly delta?: string; readonly code?: string; readonly message?: string; readonly status?: string };
}

let server: InProcessServer;
let model: LoopbackModelServer;
let admin: Client;
let projectId: string;
let delayMs = 0;

function socket(path: string): { readonly ws: WebSocket; readonly received: Envelope[]; next(predicate: (envelope: Envelope) => boolean): Promise<Envelope> } {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}${path}`, { headers: { cookie: admin.headers.cookie ?? '', origin: server.url } });
  const received: Envelope[] = [];
  const waiters: Array<{ predicate: (envelope: Envelope) => boolean; resolve: (envelope: Envelope) => void }> = [];
  ws.on('message', (data) => {
    const envelope = JSON.parse(String(data)) as Envelope;
    received.push(envelope);
    for (const waiter of [...waiters]) {
      if (!waiter.predicate(envelope)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(envelope);
    }
  });
  return {
    ws,
    received,
    next: (predicate) => {
      const found = received.find(predicate);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

const opened = (ws: WebSocket) => new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
const ends = (envelope: Envelope) => envelope.event.type === 'run-end' || envelope.event.type === 'run-error';

async function putProvider(apiKey: string): Promise<void> {
  const sealed = createProviderSecrets(SECRET).seal({ providerId: 'openai-compatible', plain: apiKey });
  await server.store.providerSettings.put({ id: 'openai-compatible', enabled: true, baseUrl: model.url, apiKeyCiphertext: sealed, apiKeyHint: apiKey.slice(-4), defaultModel: 'loopback-model', options: { maxRetries: 0, timeoutMs: 2000 } });
}

async function newSession(): Promise<string> {
  const response = await admin.request('/api/chat/sessions', { method: 'POST', json: { projectId } });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { sessionId: string; agentId: string };
  expect(body.agentId).toBe(projectId);
  return body.sessionId;
}

beforeAll(async () => {
  model = await createLoopbackModelServer({ apiKey: API_KEY, respond: () => ({ text: 'alpha beta gamma delta epsilon', delayMs, chunkDelayMs: 5 }) });
  server = await startInProcess({ SESSION_SECRET: SECRET });
  admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const created = await admin.request('/api/projects', { method: 'POST', json: { idea: 'Answer questions about our product in a friendly way' } });
  expect(created.status).toBe(201);
  projectId = ((await created.json()) as { project: { id: string } }).project.id;
});

afterAll(async () => {
  await server.stop();
  await model.close();
});

describe('runs and chat on the server', () => {
  it('a message with no model configured fails fast with no_model and the Settings hint', async () => {
    const { ws, next } = socket(`/api/chat/sessions/${await newSession()}/stream`);
    await opened(ws);
    ws.send(JSON.stringify({ type: 'message', text: 'hello' }));
    const last = await next(ends);
    expect(last.event).toMatchObject({ type: 'run-error', code: 'no_model', message: 'No model is configured. Add one in Settings → Providers.' });
    ws.close();
  });

  it('streams tokens in order over the chat WebSocket; a reconnect replays exactly the missed events', async () => {
    await putProvider(API_KEY);
    const { ws, next, received } = socket(`/api/chat/sessions/${await newSession()}/stream`);
    await opened(ws);
    ws.send(JSON.stringify({ type: 'message', text: 'hello' }));
    const last = await next(ends);
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(received.map((envelope) => envelope.seq)).toEqual(received.map((_, index) => index));
    expect(received.filter((envelope) => envelope.event.type === 'text-delta').map((envelope) => envelope.event.delta).join('')).toContain('alpha beta gamma delta epsilon');
    ws.close();

    const resumed = socket(`/api/runs/${last.runId}?after=3`);
    await opened(resumed.ws);
    await resumed.next(ends);
    expect(resumed.received.map((envelope) => envelope.seq)).toEqual(received.slice(4).map((envelope) => envelope.seq));
    expect(resumed.received.map((envelope) => envelope.event)).toEqual(received.slice(4).map((envelope) => envelope.event));
    resumed.ws.close();

    const sse = await admin.request(`/api/runs/${last.runId}/stream`, { headers: { 'last-event-id': String(last.seq - 2) } });
    const ids = [...(await sse.text()).matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
    expect(ids).toEqual([last.seq - 1, last.seq]);
  });

  it('a second message carries the earlier turns to the model while its run-start shows only what was sent', async () => {
    await putProvider(API_KEY);
    const { ws, next, received } = socket(`/api/chat/sessions/${await newSession()}/stream`);
    await opened(ws);
    ws.send(JSON.stringify({ type: 'message', text: 'first question' }));
    const first = await next(ends);
    const before = model.requests.length;
    ws.send(JSON.stringify({ type: 'message', text: 'second question' }));
    const last = await next((envelope) => ends(envelope) && envelope.runId !== first.runId);
    const starts = received.filter((envelope) => envelope.event.type === 'run-start').map((envelope) => (envelope.event as { readonly input?: string }).input);
    expect(starts).toEqual(['first question', 'second question']);
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(JSON.stringify(model.requests.slice(before).map((request) => request.body))).toContain('first question');
    ws.close();
  });

  it('Stop ends a running run within 200 ms and marks it cancelled', async () => {
    delayMs = 5_000;
    try {
      const started = await admin.request(`/api/projects/${projectId}/runs`, { method: 'POST', json: { input: 'take your time' } });
      const run = (await started.json()) as { id: string };
      const { ws, next } = socket(`/api/runs/${run.id}`);
      await opened(ws);
      await next((envelope) => envelope.event.type === 'step-start');
      const stopAt = Date.now();
      expect((await admin.request(`/api/runs/${run.id}/stop`, { method: 'POST' })).status).toBe(200);
      const last = await next(ends);
      expect(Date.now() - stopAt).toBeLessThan(200);
      expect(last.event).toMatchObject({ type: 'run-end', status: 'cancelled' });
      await expect.poll(async () => ((await (await admin.request(`/api/runs/${run.id}`)).json()) as { status: string }).status).toBe('cancelled');
      ws.close();
    } finally {
      delayMs = 0;
    }
  });

  it('a wrong key (401 from the provider) becomes a run-error a person understands', async () => {
    await putProvider('sk-wrong-key-000000000000');
    const started = await admin.request(`/api/projects/${projectId}/runs`, { method: 'POST', json: { input: 'hi' } });
    const run = (await started.json()) as { id: string };
    const { ws, next } = socket(`/api/runs/${run.id}`);
    await opened(ws);
    const last = await next(ends);
    expect(last.event.type).toBe('run-error');
    expect(last.event.code).toBe('unauthenticated');
    expect(last.event.message?.length).toBeGreaterThan(10);
    ws.close();
    await putProvider(API_KEY);
  });

  it('the known provider key appears in no event, API response or log line', async () => {
    const runs = (await (await admin.request('/api/runs?limit=500')).text()) + JSON.stringify(await server.store.runs.list({ limit: 500 }));
    const events = await Promise.all((await server.store.runs.list({ limit: 500 })).items.map(async (run) => (await admin.request(`/api/runs/${run.id}/events`)).text()));
    expect(runs).not.toContain(API_KEY);
    expect(events.join('\n')).not.toContain(API_KEY);
    expect(events.join('\n')).toContain('text-delta');
    expect(server.logs.raw.join('\n')).not.toContain(API_KEY);
  });
});
