// Which model a spec run uses, end to end: stored provider settings (keys sealed), a real SQLite store,
// executeRun with the real resolver, engine and model adapters, and two loopback model servers that
// record which model id each agent's calls asked for; the `ollama` one lists only the models it has.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectSpecSchema, type ModelRef, type ProjectSpec, type ProjectSpecInput, type RunEvent, type RunRecord, type Store } from '@agent-generator/contracts';
import { createStore } from '@agent-generator/store';
import { createLoopbackModelServer, type LoopbackModelServer } from '@agent-generator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../logger';
import { createProviderSecrets } from '../services/provider-secrets';
import { executeRun } from './execute-run';
import { createStoreModelResolver, type ResolveRunModel } from './resolve-run-model';
import { RunHub } from './run-hub';

const SECRET = 'a-resolve-run-model-test-secret-of-32-chars';
const API_KEY = 'sk-resolve-run-model-test-1234567890';
const resolveModel = createStoreModelResolver({ sessionSecret: SECRET });

/** `openai-compatible` (enabled, default model `default-model`) answers here. */
let compatibleServer: LoopbackModelServer;
/** `ollama` (enabled or not, per test) answers here, and has only these models (GET /v1/models). */
let ollamaServer: LoopbackModelServer;
const OLLAMA_MODELS = ['spec-model', 'agent-model', 'picked-model', 'qwen2.5:0.5b'];
const directories: string[] = [];
const stores: Store[] = [];

beforeAll(async () => {
  const respond = (request: { readonly model: string }) => ({ text: `answer from ${request.model}` });
  [compatibleServer, ollamaServer] = await Promise.all([createLoopbackModelServer({ apiKey: API_KEY, respond }), createLoopbackModelServer({ respond, models: OLLAMA_MODELS })]);
});
afterAll(async () => {
  await Promise.all([compatibleServer.close(), ollamaServer.close()]);
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

interface Scenario {
  readonly specModel: ModelRef;
  readonly agents?: ProjectSpecInput['agents'];
  readonly runModel?: { readonly provider: string; readonly id: string };
  readonly ollamaEnabled?: boolean;
  /** The default model of `openai-compatible` (default `default-model`). */
  readonly compatibleDefault?: string | null;
  /** The default model of `ollama` (default none). */
  readonly ollamaDefault?: string;
  /** Where `ollama` answers (default the loopback ollama server). */
  readonly ollamaUrl?: string;
  readonly logger?: Logger;
  readonly resolver?: ResolveRunModel;
}

/** Stores the providers, a project with the scenario's spec, and a claimed run of it. */
async function prepare(scenario: Scenario): Promise<{ readonly store: Store; readonly run: RunRecord; readonly spec: ProjectSpec }> {
  const directory = mkdtempSync(join(tmpdir(), 'ag-resolve-run-model-test-'));
  directories.push(directory);
  const store = await createStore({ databaseUrl: `sqlite:${join(directory, 'test.db')}` });
  stores.push(store);
  const sealed = createProviderSecrets(SECRET).seal({ providerId: 'openai-compatible', plain: API_KEY });
  await store.providerSettings.put({ id: 'openai-compatible', enabled: true, baseUrl: compatibleServer.url, apiKeyCiphertext: sealed, apiKeyHint: API_KEY.slice(-4), defaultModel: scenario.compatibleDefault === undefined ? 'default-model' : scenario.compatibleDefault, options: { maxRetries: 0 } });
  await store.providerSettings.put({ id: 'ollama', enabled: scenario.ollamaEnabled ?? true, baseUrl: scenario.ollamaUrl ?? ollamaServer.url, apiKeyCiphertext: null, apiKeyHint: null, defaultModel: scenario.ollamaDefault ?? null, options: { maxRetries: 0 } });
  const agents = scenario.agents ?? [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '' }];
  const spec = ProjectSpecSchema.parse({
    version: 1,
    name: 'Models',
    slug: 'models',
    idea: 'A team that tests model choice.',
    framework: 'crewai',
    pattern: 'sequential',
    hyperscaler: 'on_prem',
    model: scenario.specModel,
    agents,
    tasks: agents.map((agent) => ({ id: `${agent.id}_task`, description: `Work as ${agent.id}`, expectedOutput: 'Text', agent: agent.id })),
  });
  const owner = await store.users.create({ email: 'owner@example.com', name: 'Owner', role: 'editor' });
  const { project } = await store.projects.create({ ownerId: owner.id, name: 'Models', slug: 'models', idea: spec.idea, version: { spec, rendererVersion: 'test-1', diagnostics: [], files: [], createdBy: owner.id } });
  await store.runs.create({ projectId: project.id, runtime: 'spec', permissionMode: 'safe', input: 'hi', createdBy: owner.id, ...(scenario.runModel === undefined ? {} : { model: scenario.runModel }) });
  const run = await store.runs.claim({ workerId: 'test-worker', leaseUntil: '2999-01-01T00:00:00.000Z' });
  if (run === undefined) throw new Error('no run to claim');
  return { store, run, spec };
}

/** Executes the scenario's run and returns its stored events. */
async function runScenario(scenario: Scenario): Promise<RunEvent[]> {
  const { store, run } = await prepare(scenario);
  await executeRun({ store, hub: new RunHub({ store }), run, resolveModel: scenario.resolver ?? resolveModel, logger: scenario.logger ?? silentLogger, signal: new AbortController().signal });
  return (await store.runs.events(run.id)).map((stored) => stored.event);
}

/** The model ids that reached a server during one scenario. */
async function modelsAsked(scenario: Scenario): Promise<{ readonly events: RunEvent[]; readonly compatible: string[]; readonly ollama: string[] }> {
  const before = { compatible: compatibleServer.requests.length, ollama: ollamaServer.requests.length };
  const events = await runScenario(scenario);
  const ids = (server: LoopbackModelServer, from: number) => server.requests.slice(from).flatMap((request) => (request.method === 'POST' ? [String((request.body as { model?: unknown }).model)] : []));
  return { events, compatible: ids(compatibleServer, before.compatible), ollama: ids(ollamaServer, before.ollama) };
}

const usageModels = (events: ReadonlyArray<RunEvent>) => events.flatMap((event) => (event.type === 'usage' ? [event.model] : []));
const stepModels = (events: ReadonlyArray<RunEvent>) => events.flatMap((event) => (event.type === 'step-start' ? [`${event.agent ?? ''}=${event.model ?? 'none'}`] : []));
const noticesOf = (events: ReadonlyArray<RunEvent>) => events.flatMap((event) => (event.type === 'run-start' ? [event.notices] : []));
/** GET /v1/models calls the `ollama` server has answered so far: its model list asked. */
const listCalls = () => ollamaServer.requests.filter((request) => request.method === 'GET' && request.path === '/v1/models').length;

/** A logger that keeps its warnings. */
function recordingLogger(): Logger & { readonly warnings: string[] } {
  const warnings: string[] = [];
  const logger: Logger & { readonly warnings: string[] } = { ...silentLogger, warnings, warn: (_fields, message) => void warnings.push(message ?? ''), child: () => logger };
  return logger;
}

describe('the model a spec run uses', () => {
  it("runs on the spec's model when its provider is configured and the run picked none", async () => {
    const { events, compatible, ollama } = await modelsAsked({ specModel: { provider: 'ollama', id: 'spec-model' } });
    expect(ollama).toEqual(['spec-model']);
    expect(compatible).toEqual([]);
    expect(usageModels(events)).toEqual(['spec-model']);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'answer from spec-model' });
  });

  it('the model picked for the run in Test wins over the spec and its agents', async () => {
    const agents = [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '', model: { provider: 'ollama' as const, id: 'agent-model' } }];
    const { events, compatible, ollama } = await modelsAsked({ specModel: { provider: 'ollama', id: 'spec-model' }, agents, runModel: { provider: 'openai-compatible', id: 'picked-model' } });
    expect(compatible).toEqual(['picked-model']);
    expect(ollama).toEqual([]);
    expect(usageModels(events)).toEqual(['picked-model']);
  });

  it("falls back to the default model when the spec's provider is not configured, and says so once in the log", async () => {
    const logger = recordingLogger();
    const agents = ['first', 'second'].map((id) => ({ id, role: id, goal: 'Work', backstory: '' }));
    const { events, compatible, ollama } = await modelsAsked({ specModel: { provider: 'anthropic', id: 'claude-sonnet-4-5' }, agents, logger });
    expect(compatible).toEqual(['default-model', 'default-model']);
    expect(ollama).toEqual([]);
    expect(usageModels(events)).toEqual(['default-model', 'default-model']);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
    const notice = "The project's model anthropic/claude-sonnet-4-5 is not used: anthropic is not configured and enabled in Settings → Providers; openai-compatible/default-model runs instead.";
    expect(logger.warnings).toEqual([notice]);
    expect(noticesOf(events)).toEqual([[notice]]);
  });

  it('falls back when the provider is stored but disabled, also for a model picked for the run', async () => {
    const { compatible, ollama } = await modelsAsked({ specModel: { provider: 'ollama', id: 'spec-model' }, runModel: { provider: 'ollama', id: 'picked-model' }, ollamaEnabled: false });
    expect(compatible).toEqual(['default-model']);
    expect(ollama).toEqual([]);
  });

  it("runs each agent on its own model, the others on the spec's", async () => {
    const agents = [
      { id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '', model: { provider: 'openai-compatible' as const, id: 'researcher-model' } },
      { id: 'writer', role: 'Writer', goal: 'Write', backstory: '' },
    ];
    const { events, compatible, ollama } = await modelsAsked({ specModel: { provider: 'ollama', id: 'spec-model' }, agents });
    expect(compatible).toEqual(['researcher-model']);
    expect(ollama).toEqual(['spec-model']);
    expect(usageModels(events)).toEqual(['researcher-model', 'spec-model']);
    expect(stepModels(events)).toEqual(['researcher=openai-compatible/researcher-model', 'writer=ollama/spec-model']);
    expect(noticesOf(events)).toEqual([undefined]);
  });

  it('an agent whose provider is not configured runs on the next level', async () => {
    const logger = recordingLogger();
    const agents = [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '', model: { provider: 'bedrock' as const, id: 'amazon.nova-pro-v1:0' } }];
    const { ollama } = await modelsAsked({ specModel: { provider: 'ollama', id: 'spec-model' }, agents, logger });
    expect(ollama).toEqual(['spec-model']);
    expect(logger.warnings).toEqual(['Agent "researcher"\'s model bedrock/amazon.nova-pro-v1:0 is not used: bedrock is not configured and enabled in Settings → Providers; ollama/spec-model runs instead.']);
  });

  it('fails with no_model when no choice is configured and no provider has a default model', async () => {
    const { events, compatible, ollama } = await modelsAsked({ specModel: { provider: 'anthropic', id: 'claude-sonnet-4-5' }, compatibleDefault: null });
    expect(events.map((event) => event.type)).toEqual(['run-start', 'run-error']);
    expect(events.at(-1)).toMatchObject({ code: 'no_model', message: 'No model is configured. Add one in Settings → Providers.' });
    expect([...compatible, ...ollama]).toEqual([]);
  });

  it('makes one AgentModel per provider and model in a run', async () => {
    const agents = [
      { id: 'first', role: 'First', goal: 'Work', backstory: '' },
      { id: 'second', role: 'Second', goal: 'Work', backstory: '' },
      { id: 'third', role: 'Third', goal: 'Work', backstory: '', model: { provider: 'openai-compatible' as const, id: 'third-model' } },
    ];
    const { store, run, spec } = await prepare({ specModel: { provider: 'ollama', id: 'spec-model' }, agents });
    const resolved = await resolveModel({ store, run, spec });
    const [first, second, third] = await Promise.all(spec.agents.map((agent) => resolved?.agentModel(agent)));
    expect(first).toBe(second);
    expect(first).toBe(await resolved?.agentModel());
    expect(third).not.toBe(first);
    expect(third).toBe(await resolved?.agentModel(spec.agents[2]));
    expect([first?.modelId, third?.modelId]).toEqual(['spec-model', 'third-model']);
  });

  it("keeps an AgentModel across runs until the provider's settings change", async () => {
    const { store, run, spec } = await prepare({ specModel: { provider: 'ollama', id: 'spec-model' } });
    const first = await (await resolveModel({ store, run, spec }))?.agentModel();
    expect(await (await resolveModel({ store, run, spec }))?.agentModel()).toBe(first);
    const ollama = (await store.providerSettings.list()).find((record) => record.id === 'ollama');
    if (ollama === undefined) throw new Error('ollama settings missing');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.providerSettings.put({ ...ollama, baseUrl: `${ollamaServer.url}/` });
    const changed = await (await resolveModel({ store, run, spec }))?.agentModel();
    expect(changed).not.toBe(first);
    expect(changed?.modelId).toBe('spec-model');
  });

  it("gives a generated project the run's one model: the one picked for the run, else the spec's, else the default", async () => {
    const project = async (scenario: Scenario) => {
      const { store, run, spec } = await prepare(scenario);
      return (await resolveModel({ store, run, spec }))?.projectModel();
    };
    expect(await project({ specModel: { provider: 'ollama', id: 'spec-model' } })).toEqual({ provider: 'ollama', id: 'spec-model', baseUrl: ollamaServer.url });
    expect(await project({ specModel: { provider: 'ollama', id: 'spec-model' }, runModel: { provider: 'openai-compatible', id: 'picked-model' } })).toEqual({ provider: 'openai-compatible', id: 'picked-model', baseUrl: compatibleServer.url, apiKey: API_KEY });
    expect(await project({ specModel: { provider: 'anthropic', id: 'claude-sonnet-4-5' } })).toMatchObject({ provider: 'openai-compatible', id: 'default-model' });
  });
});

/** A model server whose every answer is a 500: its model list cannot be read. */
async function failingServer(): Promise<{ readonly url: string; readonly paths: string[]; close(): Promise<void> }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'internal error' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, paths, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('a model a local provider does not have', () => {
  const pullNotice = `The project's model ollama/llama3.1:8b is not pulled on ollama (run "ollama pull llama3.1:8b"); ollama/qwen2.5:0.5b runs instead.`;

  it("passes over the spec's model Ollama has not pulled: the provider's default runs, and run-start says so", async () => {
    const logger = recordingLogger();
    const { events, compatible, ollama } = await modelsAsked({ specModel: { provider: 'ollama', id: 'llama3.1:8b' }, ollamaDefault: 'qwen2.5:0.5b', logger });
    expect(ollama).toEqual(['qwen2.5:0.5b']);
    expect(compatible).toEqual([]);
    expect(noticesOf(events)).toEqual([[pullNotice]]);
    expect(logger.warnings).toEqual([pullNotice]);
    expect(stepModels(events)).toEqual(['researcher=ollama/qwen2.5:0.5b']);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded', output: 'answer from qwen2.5:0.5b' });
  });

  it('names every level passed over, in order: the pick, the project, the agent and a default that is not pulled either', async () => {
    const agents = [{ id: 'researcher', role: 'Researcher', goal: 'Find facts', backstory: '', model: { provider: 'bedrock' as const, id: 'amazon.nova-pro-v1:0' } }];
    const { events, compatible, ollama } = await modelsAsked({ specModel: { provider: 'ollama', id: 'llama3.1:8b' }, agents, runModel: { provider: 'anthropic', id: 'claude-sonnet-4-5' }, ollamaDefault: 'gone:1b' });
    expect(compatible).toEqual(['default-model']);
    expect(ollama).toEqual([]);
    const instead = 'openai-compatible/default-model runs instead.';
    expect(noticesOf(events)).toEqual([
      [
        `The model picked for this run anthropic/claude-sonnet-4-5 is not used: anthropic is not configured and enabled in Settings → Providers; ${instead}`,
        `The project's model ollama/llama3.1:8b is not pulled on ollama (run "ollama pull llama3.1:8b"); ${instead}`,
        `The default model ollama/gone:1b is not pulled on ollama (run "ollama pull gone:1b"); ${instead}`,
        `Agent "researcher"'s model bedrock/amazon.nova-pro-v1:0 is not used: bedrock is not configured and enabled in Settings → Providers; ${instead}`,
      ],
    ]);
    expect(stepModels(events)).toEqual(['researcher=openai-compatible/default-model']);
  });

  it('tries the model anyway when nothing else is configured, and the notice says how to pull it', async () => {
    const { events, ollama } = await modelsAsked({ specModel: { provider: 'ollama', id: 'llama3.1' }, compatibleDefault: null });
    expect(ollama).toEqual(['llama3.1']);
    expect(noticesOf(events)).toEqual([[`The project's model ollama/llama3.1 is not pulled on ollama (run "ollama pull llama3.1"), and no other configured model is available; the run tries it anyway.`]]);
    expect(events.at(-1)).toMatchObject({ type: 'run-error' });
  });

  it("takes a model without a tag as Ollama's :latest", async () => {
    const server = await createLoopbackModelServer({ models: ['llama3.1:latest'] });
    try {
      const { store, run, spec } = await prepare({ specModel: { provider: 'ollama', id: 'llama3.1' }, ollamaUrl: server.url });
      const notices: string[] = [];
      const resolved = await createStoreModelResolver({ sessionSecret: SECRET })({ store, run, spec, onFallback: (notice) => notices.push(notice) });
      expect((await resolved?.agentModel())?.modelId).toBe('llama3.1');
      expect(notices).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("keeps the choice when the model list cannot be read (a 500 is 'unknown', not 'absent'), and asks again next time", async () => {
    const failing = await failingServer();
    try {
      const { store, run, spec } = await prepare({ specModel: { provider: 'ollama', id: 'llama3.1:8b' }, ollamaUrl: failing.url });
      const resolver = createStoreModelResolver({ sessionSecret: SECRET });
      const notices: string[] = [];
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const resolved = await resolver({ store, run, spec, onFallback: (notice) => notices.push(notice) });
        expect((await resolved?.agentModel(spec.agents[0]))?.modelId).toBe('llama3.1:8b');
      }
      expect(notices).toEqual([]);
      expect(failing.paths).toEqual(['GET /v1/models', 'GET /v1/models']);
    } finally {
      await failing.close();
    }
  });

  it('asks a provider for its models once a minute per settings version', async () => {
    let now = 1_000_000;
    const resolver = createStoreModelResolver({ sessionSecret: SECRET, now: () => now });
    const { store, run, spec } = await prepare({ specModel: { provider: 'ollama', id: 'spec-model' } });
    const resolveOnce = async () => (await (await resolver({ store, run, spec }))?.agentModel(spec.agents[0]))?.modelId;
    const before = listCalls();
    expect(await resolveOnce()).toBe('spec-model');
    expect(await resolveOnce()).toBe('spec-model');
    expect(listCalls() - before).toBe(1);
    now += 59_999;
    await resolveOnce();
    expect(listCalls() - before).toBe(1);
    now += 1;
    await resolveOnce();
    expect(listCalls() - before).toBe(2);
    const ollama = (await store.providerSettings.list()).find((record) => record.id === 'ollama');
    if (ollama === undefined) throw new Error('ollama settings missing');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.providerSettings.put({ ...ollama, defaultModel: 'qwen2.5:0.5b' });
    await resolveOnce();
    expect(listCalls() - before).toBe(3);
  });

  it('passes a hostile model id to step-start and the notice unchanged, as plain data', async () => {
    const hostile = '<img src=x onerror=alert(1)>[x](javascript:alert(1))';
    const { events } = await modelsAsked({ specModel: { provider: 'anthropic', id: 'claude-sonnet-4-5' }, compatibleDefault: hostile });
    expect(stepModels(events)).toEqual([`researcher=openai-compatible/${hostile}`]);
    expect(noticesOf(events)[0]?.[0]).toContain(`openai-compatible/${hostile} runs instead.`);
  });
});
