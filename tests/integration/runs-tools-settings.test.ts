// Run tools configured through the API reach real runs: with nothing set, sql_query and web_search
// answer "not configured" and http_request may not reach 127.0.0.1; after an admin sets a SQLite
// file, a search API with a key and private network access, the same calls return the file's rows,
// the search results (the key sent as a bearer token) and the local page, and the model receives them.
// On Postgres, an `agent-generator worker` (startWorker, in this process) reads the same settings.
// A PostgreSQL database set by URL (with a password) is queried by a real run as a plain role (a superuser's
// URL is refused); the password never shows in an answer, a log line or the server's database file.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createProviderSecrets } from '@agent-generator/api';
import { createStore } from '@agent-generator/store';
import { createLogger, loadConfig, startWorker } from '@agent-generator/server';
import { createLoopbackModelServer, startPostgres, type LoopbackModelServer, type ParsedChatRequest, type ScriptReply } from '@agent-generator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_EMAIL, ADMIN_PASSWORD, LogCapture, signIn, startInProcess, tempDir, type Client, type InProcessServer } from './server-harness';

const SECRET = 'a-runs-tools-settings-test-secret-of-32-chars';
const MODEL_KEY = 'sk-tools-settings-model-key-123456';
const SEARCH_KEY = 'searx-tools-5ecret-key-9b2e';
const ROW_MARKER = 'MARK-ROW-4711';
const PG_PASSWORD = 'Pg-run-5ecret-pass-6a1f';
const READER = 'warehouse_reader';

interface Envelope {
  readonly event: { readonly type: string; readonly tool?: string; readonly result?: string; readonly isError?: boolean; readonly status?: string };
}

let server: InProcessServer;
let model: LoopbackModelServer;
let search: Server;
let searchUrl: string;
const searchAuthorizations: Array<string | undefined> = [];
let admin: Client;
let projectId: string;
let customerDir: string;

/** The arguments of each tool the model calls. */
function callArguments(): Readonly<Record<string, Record<string, unknown>>> {
  return { sql_query: { query: "SELECT value FROM settings WHERE scope = 'global'" }, web_search: { query: 'agent frameworks', maxResults: 1 }, http_request: { url: `${searchUrl}/ping` } };
}

/** Calls each offered tool once, one after the other, then answers with what the last tool said. */
function respond(request: ParsedChatRequest): ScriptReply {
  const calls = callArguments();
  const done = request.messages.filter((message) => message.role === 'tool').length;
  const next = request.tools.map((tool) => tool.name).filter((name) => name in calls)[done];
  if (next !== undefined) return { toolCalls: [{ name: next, arguments: calls[next] ?? {} }] };
  return { text: `The tool said: ${request.messages.at(-1)?.content ?? 'nothing'}` };
}

interface Target {
  readonly url: string;
  readonly admin: Client;
  readonly projectId: string;
}

/** The tool results of one run, by tool. */
async function runTools(target: Target = { url: server.url, admin, projectId }): Promise<Record<string, { result: string; isError: boolean }>> {
  const started = await target.admin.request(`/api/projects/${target.projectId}/runs`, { method: 'POST', json: { input: 'look it all up' } });
  expect(started.status).toBe(201);
  const { id } = (await started.json()) as { id: string };
  const ws = new WebSocket(`${target.url.replace('http', 'ws')}/api/runs/${id}`, { headers: { cookie: target.admin.headers.cookie ?? '', origin: target.url } });
  const received: Envelope[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const envelope = JSON.parse(String(data)) as Envelope;
      received.push(envelope);
      if (envelope.event.type === 'run-end' || envelope.event.type === 'run-error') resolve();
    });
    ws.once('error', reject);
  });
  ws.close();
  expect(received.at(-1)?.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
  const starts = received.filter((envelope) => envelope.event.type === 'tool-call-start').map((envelope) => envelope.event.tool ?? '');
  const ends = received.filter((envelope) => envelope.event.type === 'tool-call-end').map((envelope) => envelope.event);
  return Object.fromEntries(starts.map((tool, index) => [tool, { result: ends[index]?.result ?? '', isError: ends[index]?.isError ?? false }]));
}

function toolMessagesSent(): string[] {
  return model.requests.flatMap((request) => ((request.body as { messages?: Array<{ role: string; content: unknown }> } | undefined)?.messages ?? []).filter((message) => message.role === 'tool').map((message) => String(message.content)));
}

beforeAll(async () => {
  search = createServer((request, response) => {
    if (request.url?.startsWith('/ping')) return void response.end('pong from a private address');
    searchAuthorizations.push(request.headers.authorization);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ results: [{ title: 'Search hit', url: 'https://example.com/hit', content: 'found by the configured search API' }] }));
  });
  await new Promise<void>((resolve) => search.listen(0, '127.0.0.1', resolve));
  searchUrl = `http://127.0.0.1:${(search.address() as AddressInfo).port}`;
  customerDir = tempDir('customer-db');
  const customer = await createStore({ databaseUrl: `sqlite:${join(customerDir, 'shop.db')}` });
  await customer.settings.put({ scope: 'global', value: { marker: ROW_MARKER } });
  await customer.close();

  model = await createLoopbackModelServer({ apiKey: MODEL_KEY, respond });
  server = await startInProcess({ SESSION_SECRET: SECRET });
  admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  projectId = await setUp(server, admin);
});

/** The loopback model as the provider, and a project whose agents hold the three tools. */
async function setUp(target: InProcessServer, owner: Client): Promise<string> {
  const sealed = createProviderSecrets(SECRET).seal({ providerId: 'openai-compatible', plain: MODEL_KEY });
  await target.store.providerSettings.put({ id: 'openai-compatible', enabled: true, baseUrl: model.url, apiKeyCiphertext: sealed, apiKeyHint: null, defaultModel: 'loopback-model', options: { maxRetries: 0, timeoutMs: 5_000 } });
  const created = await owner.request('/api/projects', { method: 'POST', json: { idea: 'An analyst that queries the shop database, searches the web and fetches pages', selection: { framework: 'react', pattern: 'react', tools: ['sql_query', 'web_search', 'http_request'] } } });
  expect(created.status).toBe(201);
  return ((await created.json()) as { project: { id: string } }).project.id;
}

afterAll(async () => {
  await server?.stop();
  await model?.close();
  await new Promise((resolve) => search?.close(resolve));
  rmSync(customerDir, { recursive: true, force: true });
});

describe('run tools settings in real runs', () => {
  it('with nothing configured, sql_query and web_search answer "not configured" and private addresses are refused', async () => {
    const tools = await runTools();
    expect(tools.sql_query).toMatchObject({ isError: true, result: expect.stringMatching(/sql_query is not configured/) });
    expect(tools.web_search).toMatchObject({ isError: true, result: expect.stringMatching(/web search is not configured/) });
    expect(tools.http_request).toMatchObject({ isError: true, result: expect.stringMatching(/private, loopback or link-local/) });
    expect(toolMessagesSent().some((message) => message.includes('not configured'))).toBe(true);
  });

  it('with the settings stored through the API, the tools return the database rows, the search results and the local page', async () => {
    const saved = await admin.request('/api/settings/tools', { method: 'PUT', json: { allowPrivateNetwork: true, sql: { databasePath: join(customerDir, 'shop.db') }, search: { url: searchUrl, apiKey: SEARCH_KEY } } });
    expect(saved.status).toBe(200);
    const tools = await runTools();
    expect(tools.sql_query).toMatchObject({ isError: false, result: expect.stringContaining(ROW_MARKER) });
    expect(tools.web_search).toMatchObject({ isError: false, result: expect.stringContaining('found by the configured search API') });
    expect(tools.http_request).toMatchObject({ isError: false, result: expect.stringContaining('pong from a private address') });
    expect(searchAuthorizations.at(-1)).toBe(`Bearer ${SEARCH_KEY}`);
    expect(toolMessagesSent().some((message) => message.includes(ROW_MARKER))).toBe(true);
    expect(server.logs.raw.join('\n')).not.toContain(SEARCH_KEY);
  });

  it('turning SQL off again makes sql_query answer "not configured" in the next run', async () => {
    const saved = await admin.request('/api/settings/tools', { method: 'PUT', json: { sql: { databasePath: null } } });
    expect(saved.status).toBe(200);
    const tools = await runTools();
    expect(tools.sql_query).toMatchObject({ isError: true, result: expect.stringMatching(/sql_query is not configured/) });
    expect(tools.web_search).toMatchObject({ isError: false });
  });
});

describe('run tools settings in a worker process', () => {
  it('a worker on Postgres runs sql_query against the database an admin set through a server', async () => {
    const postgres = await startPostgres();
    const workerDir = tempDir('tools-worker');
    const databaseUrl = await postgres.createDatabase('tools');
    const onPostgres = await startInProcess({ SESSION_SECRET: SECRET, DATABASE_URL: databaseUrl, RUN_WORKERS: '0' });
    const worker = await startWorker(loadConfig({ DATABASE_URL: databaseUrl, SESSION_SECRET: SECRET, DATA_DIR: workerDir, RUN_WORKERS: '1' }), { logger: createLogger({ level: 'warn', destination: new LogCapture() }) });
    try {
      const owner = await signIn(onPostgres.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const target = { url: onPostgres.url, admin: owner, projectId: await setUp(onPostgres, owner) };
      expect((await runTools(target)).sql_query).toMatchObject({ isError: true, result: expect.stringMatching(/not configured/) });
      const saved = await owner.request('/api/settings/tools', { method: 'PUT', json: { sql: { databasePath: join(customerDir, 'shop.db') } } });
      expect(saved.status).toBe(200);
      expect((await runTools(target)).sql_query).toMatchObject({ isError: false, result: expect.stringContaining(ROW_MARKER) });
      // The server's own database holds users, password hashes and tokens: never the tool's.
      const own = await owner.request('/api/settings/tools', { method: 'PUT', json: { sql: { postgresUrl: databaseUrl.replace('127.0.0.1', 'localhost') } } });
      expect(own.status).toBe(400);
      expect(await own.json()).toMatchObject({ error: { code: 'invalid_input' } });
    } finally {
      await worker.close();
      await onPostgres.stop();
      await postgres.stop();
      rmSync(workerDir, { recursive: true, force: true });
    }
  }, 120_000);
});

/**
 * sql_query refuses a superuser: the warehouse is read by a plain role that may only SELECT. Made with psql,
 * which ships beside the server binaries the test cluster already needs (AGENT_GENERATOR_PG_BIN, else PATH).
 */
async function createReader(databaseUrl: string): Promise<void> {
  const psql = process.env.AGENT_GENERATOR_PG_BIN === undefined ? 'psql' : join(process.env.AGENT_GENERATOR_PG_BIN, 'psql');
  const password = `'${PG_PASSWORD.replaceAll("'", "''")}'`;
  const statements = [`CREATE ROLE ${READER} LOGIN PASSWORD ${password}`, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER}`];
  await promisify(execFile)(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', databaseUrl, ...statements.flatMap((statement) => ['-c', statement])]);
}

describe('run tools settings with a PostgreSQL database', () => {
  it('sql_query reads the PostgreSQL database an admin set by URL, and the password shows nowhere', async () => {
    const postgres = await startPostgres();
    try {
      const databaseUrl = await postgres.createDatabase('warehouse');
      const warehouse = await createStore({ databaseUrl });
      await warehouse.settings.put({ scope: 'global', value: { marker: `${ROW_MARKER}-PG` } });
      await warehouse.close();
      // Loopback trust authentication ignores the password, which is what this test needs: a URL that holds one.
      const asSuperuser = databaseUrl.replace('postgres://postgres@', `postgres://postgres:${PG_PASSWORD}@`);
      expect((await admin.request('/api/settings/tools', { method: 'PUT', json: { sql: { postgresUrl: asSuperuser } } })).status).toBe(200);
      expect((await runTools()).sql_query).toMatchObject({ isError: true, result: expect.stringContaining('the PostgreSQL role "postgres" is a superuser') });

      await createReader(databaseUrl);
      const withPassword = databaseUrl.replace('postgres://postgres@', `postgres://${READER}:${PG_PASSWORD}@`);
      expect(withPassword).toContain(PG_PASSWORD);
      const saved = await admin.request('/api/settings/tools', { method: 'PUT', json: { sql: { postgresUrl: withPassword } } });
      expect(saved.status).toBe(200);
      const view = await (await admin.request('/api/settings/tools')).text();
      expect(JSON.parse(view)).toMatchObject({ sql: { databasePath: null, postgres: { url: databaseUrl.replace('postgres://postgres@', `postgres://${READER}@`), passwordSet: true } } });

      const tools = await runTools();
      expect(tools.sql_query).toMatchObject({ isError: false, result: expect.stringContaining(`${ROW_MARKER}-PG`) });
      const everything = [await saved.text(), view, server.logs.raw.join('\n'), JSON.stringify(tools), toolMessagesSent().join('\n')].join('\n');
      expect(everything).not.toContain(PG_PASSWORD);
      const serverFiles = readdirSync(server.dataDir).filter((name) => name.endsWith('.db') || name.endsWith('-wal'));
      expect(serverFiles.length).toBeGreaterThan(0);
      for (const name of serverFiles) expect(readFileSync(join(server.dataDir, name)).includes(Buffer.from(PG_PASSWORD)), name).toBe(false);
    } finally {
      await admin.request('/api/settings/tools', { method: 'PUT', json: { sql: { postgresUrl: null } } });
      await postgres.stop();
    }
  }, 120_000);
});
