// Runs across processes on one real Postgres: servers A and B execute nothing (RUN_WORKERS=0), an
// `agent-generator worker` process (the built CLI) executes the runs against the loopback model.
// A run started through A streams in order to a WebSocket client on B; Stop through B cancels the
// run the worker holds; SIGTERM lets the worker finish its in-flight run before it exits.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startPostgres, createLoopbackModelServer, type LoopbackModelServer, type PostgresCluster, type ParsedChatRequest } from '@agent-generator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_EMAIL, ADMIN_PASSWORD, buildServerBundle, client, removeBundle, signIn, spawnServer, tempDir, type Client, type ServerProcess } from './server-harness';

const CLI = new URL('../../apps/cli/bin/agent-generator.js', import.meta.url).pathname;
const SECRET = 'a shared session secret for the replicas and the worker';
const API_KEY = 'sk-postgres-runs-key-0987654321';
const ANSWER = 'one two three four five six seven eight nine ten';

interface Envelope {
  readonly runId: string;
  readonly seq: number;
  readonly event: { readonly type: string; readonly delta?: string; readonly status?: string; readonly code?: string };
}

interface WorkerProcess {
  readonly output: string[];
  readonly exited: Promise<number | NodeJS.Signals | null>;
  kill(signal: NodeJS.Signals): void;
}

let postgres: PostgresCluster;
let bundle: string;
let model: LoopbackModelServer;
let serverA: ServerProcess;
let serverB: ServerProcess;
let worker: WorkerProcess;
let onA: Client;
let onB: Client;
let projectId: string;
const dataDirs: string[] = [];

function lastUser(request: ParsedChatRequest): string {
  return request.messages.findLast((message) => message.role === 'user')?.content ?? '';
}

async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [CLI, 'worker'], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready within 30 s:\n${output.join('')}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (output.join('').includes('"msg":"agent-generator worker is ready"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${String(code)}) before it was ready:\n${output.join('')}`));
    });
  });
  return { output, exited, kill: (signal) => child.kill(signal) };
}

function watch(origin: string, path: string, cookie: string): { readonly received: Envelope[]; readonly ended: Promise<Envelope>; readonly opened: Promise<void>; next(type: string): Promise<void>; close(): void } {
  const ws = new WebSocket(`${origin.replace('http', 'ws')}${path}`, { headers: { cookie, origin } });
  const received: Envelope[] = [];
  const waiters: Array<{ type: string; resolve: () => void }> = [];
  const ended = new Promise<Envelope>((resolve, reject) => {
    ws.on('message', (data) => {
      const envelope = JSON.parse(String(data)) as Envelope;
      received.push(envelope);
      for (const waiter of waiters.filter((candidate) => candidate.type === envelope.event.type)) waiter.resolve();
      if (envelope.event.type === 'run-end' || envelope.event.type === 'run-error') resolve(envelope);
    });
    ws.once('error', reject);
  });
  return {
    received,
    ended,
    opened: new Promise((resolve, reject) => ws.once('open', () => resolve()).once('error', reject)),
    next: (type) => (received.some((envelope) => envelope.event.type === type) ? Promise.resolve() : new Promise((resolve) => waiters.push({ type, resolve }))),
    close: () => ws.close(),
  };
}

async function startRun(input: string): Promise<string> {
  const response = await onA.request(`/api/projects/${projectId}/runs`, { method: 'POST', json: { input } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const runOf = async (origin: Client, id: string) => (await (await origin.request(`/api/runs/${id}`)).json()) as { status: string; error: { code: string } | null };

beforeAll(async () => {
  model = await createLoopbackModelServer({
    apiKey: API_KEY,
    respond: (request) => {
      const input = lastUser(request);
      if (input.includes('slow')) return { text: ANSWER, delayMs: 10_000 };
      if (input.includes('steady')) return { text: ANSWER, chunkDelayMs: 150 };
      return { text: ANSWER, chunkDelayMs: 20 };
    },
  });
  [postgres, bundle] = await Promise.all([startPostgres(), buildServerBundle('runs-postgres')]);
  const databaseUrl = await postgres.createDatabase('runs');
  const shared = { DATABASE_URL: databaseUrl, SESSION_SECRET: SECRET, ADMIN_EMAIL, ADMIN_PASSWORD, RUN_WORKERS: '0' };
  const dataDir = () => {
    const directory = tempDir('runs-pg');
    dataDirs.push(directory);
    return directory;
  };
  [serverA, serverB, worker] = await Promise.all([
    spawnServer(bundle, { ...shared, DATA_DIR: dataDir() }),
    spawnServer(bundle, { ...shared, DATA_DIR: dataDir() }),
    startWorker({ DATABASE_URL: databaseUrl, SESSION_SECRET: SECRET, DATA_DIR: dataDir(), RUN_WORKERS: '2', SHUTDOWN_GRACE_SECONDS: '20' }),
  ]);
  onA = await signIn(serverA.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  onB = client(serverB.url, onA.headers);
  const provider = await onA.request('/api/providers/openai-compatible', { method: 'PUT', json: { enabled: true, baseUrl: model.url, apiKey: API_KEY, defaultModel: 'loopback-model' } });
  expect(provider.status).toBe(200);
  const created = await onA.request('/api/projects', { method: 'POST', json: { idea: 'Answer questions about our product in a friendly way' } });
  expect(created.status).toBe(201);
  projectId = ((await created.json()) as { project: { id: string } }).project.id;
}, 300_000);

afterAll(async () => {
  worker?.kill('SIGTERM');
  for (const server of [serverA, serverB]) server?.child.kill('SIGTERM');
  await Promise.all([worker?.exited, serverA?.exited, serverB?.exited]);
  await model?.close();
  await postgres?.stop();
  for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
  if (bundle) removeBundle(bundle);
});

describe('runs on Postgres with a separate worker process', () => {
  it('a run started through server A is executed by the worker and streams to a client on server B in order', async () => {
    const runId = await startRun('hello from A');
    const watcher = watch(serverB.url, `/api/runs/${runId}`, onA.headers.cookie ?? '');
    await watcher.opened;
    const last = await watcher.ended;
    watcher.close();
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(watcher.received.map((envelope) => envelope.seq)).toEqual(watcher.received.map((_, index) => index));
    expect(watcher.received.every((envelope) => envelope.runId === runId)).toBe(true);
    expect(watcher.received.filter((envelope) => envelope.event.type === 'text-delta').map((envelope) => envelope.event.delta).join('')).toContain(ANSWER);
    const stored = (await (await onB.request(`/api/runs/${runId}/events`)).json()) as { items: Envelope[] };
    expect(stored.items.map((item) => item.seq)).toEqual(watcher.received.map((envelope) => envelope.seq));
    // Neither server executes runs; the worker logged that it claimed this one.
    expect(worker.output.join('')).toContain(`"runId":"${runId}"`);
    expect(serverA.output.join('') + serverB.output.join('')).not.toContain('"msg":"run claimed"');
  });

  it('a WebSocket client on B sees the events live while the worker streams them', async () => {
    const runId = await startRun('steady please');
    const watcher = watch(serverB.url, `/api/runs/${runId}`, onA.headers.cookie ?? '');
    await watcher.opened;
    await watcher.next('text-delta');
    // The first token arrived while the run was still going: streamed live, not replayed at the end.
    expect((await runOf(onB, runId)).status).toBe('running');
    const last = await watcher.ended;
    watcher.close();
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(watcher.received.map((envelope) => envelope.seq)).toEqual(watcher.received.map((_, index) => index));
  });

  it('Stop through server B cancels the run the worker is executing', async () => {
    const runId = await startRun('slow thinking');
    const watcher = watch(serverB.url, `/api/runs/${runId}`, onA.headers.cookie ?? '');
    await watcher.opened;
    await watcher.next('step-start');
    const stopAt = Date.now();
    expect((await onB.request(`/api/runs/${runId}/stop`, { method: 'POST' })).status).toBe(200);
    const last = await watcher.ended;
    const elapsed = Date.now() - stopAt;
    watcher.close();
    expect(last.event).toMatchObject({ type: 'run-end', status: 'cancelled' });
    // Far sooner than the model's 10 s delay: the cancel notice reached the worker over LISTEN/NOTIFY.
    expect(elapsed).toBeLessThan(2_000);
    await expect.poll(async () => (await runOf(onA, runId)).status).toBe('cancelled');
  });

  it('SIGTERM lets the worker finish its in-flight run, then it exits 0', async () => {
    const runId = await startRun('steady to the end');
    const watcher = watch(serverA.url, `/api/runs/${runId}`, onA.headers.cookie ?? '');
    await watcher.opened;
    await watcher.next('text-delta');
    worker.kill('SIGTERM');
    const last = await watcher.ended;
    watcher.close();
    expect(last.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(await worker.exited).toBe(0);
    expect(worker.output.join('')).toContain('"msg":"agent-generator worker stopped"');
    expect(worker.output.join('')).not.toContain(API_KEY);
  });
});
