// Run pipeline benchmark (`npm run bench pipeline`): the server's per-event work without the network.
// N runs (AG_BENCH_RUNS, default 200) execute at once in this process through the real executor,
// engine, SQLite store and hub, on a model that yields one token per event-loop turn (as a socket
// read would); one hub subscriber per run receives the events, as a WebSocket pump does. Baseline
// in the same run: the same models read straight, with no engine, store or hub. CPU per token is
// this process's user + system time over the tokens delivered. Nothing here fails on time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AgentModel, ModelStreamPart, RunId } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';
import { createStore } from '@agent-generator/store';
// The api package's index also loads its password hashing (a native addon the bench bundle cannot take).
import { silentLogger } from '../../packages/api/src/logger';
import type { ResolveRunModel } from '../../packages/api/src/runs/resolve-run-model';
import { RunExecutor } from '../../packages/api/src/runs/run-executor';
import { RunHub } from '../../packages/api/src/runs/run-hub';
import { median, printTable } from './stats';

const RUNS = Number(process.env.AG_BENCH_RUNS ?? 200);
const TOKENS = 200;
const ROUNDS = Number(process.env.AG_BENCH_ROUNDS ?? 3);

/** One token per event-loop turn, then finish. */
const model: AgentModel = {
  provider: 'bench',
  modelId: 'turns',
  generate: () => Promise.reject(new Error('not used')),
  async *stream(): AsyncIterable<ModelStreamPart> {
    for (let index = 0; index < TOKENS; index += 1) {
      await nextTurn();
      yield { type: 'text-delta', delta: `t${index} ` };
    }
    yield { type: 'finish', reason: 'stop', usage: { inputTokens: 1, outputTokens: TOKENS } };
  },
};

interface Measure {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly tokens: number;
  readonly events: number;
}

async function measure(work: () => Promise<{ tokens: number; events: number }>): Promise<Measure> {
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  const { tokens, events } = await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs: performance.now() - began, cpuMs: (cpu.user + cpu.system) / 1000, tokens, events };
}

async function direct(): Promise<{ tokens: number; events: number }> {
  const counts = await Promise.all(
    Array.from({ length: RUNS }, async () => {
      let tokens = 0;
      for await (const part of model.stream({ messages: [] })) if (part.type === 'text-delta') tokens += 1;
      return tokens;
    }),
  );
  const tokens = counts.reduce((sum, count) => sum + count, 0);
  return { tokens, events: tokens };
}

async function throughPipeline(directory: string, round: number): Promise<{ tokens: number; events: number }> {
  const store = await createStore({ databaseUrl: `sqlite:${join(directory, `bench-${round}.db`)}`, checkpointInBackground: true });
  const hub = new RunHub({ store });
  const resolveModel: ResolveRunModel = () => Promise.resolve({ agentModel: () => Promise.resolve(model), projectModel: () => Promise.reject(new Error('not used')) });
  const executor = new RunExecutor({ store, hub, resolveModel, logger: silentLogger, concurrency: RUNS, pollMs: 60_000 });
  try {
    const owner = await store.users.create({ email: 'bench@example.com', name: 'Bench', role: 'editor' });
    const spec = { ...planProject('Answer questions about the weather', {}).spec, pattern: 'sequential' as const };
    const { project } = await store.projects.create({ ownerId: owner.id, name: 'Bench', slug: 'bench', idea: 'bench', version: { spec, rendererVersion: 'bench', diagnostics: [], files: [], createdBy: owner.id } });
    const runIds: RunId[] = [];
    for (let index = 0; index < RUNS; index += 1) {
      runIds.push((await store.runs.create({ projectId: project.id, runtime: 'spec', permissionMode: 'safe', input: `bench ${index}`, createdBy: owner.id })).id);
    }
    const received = runIds.map(async (runId) => {
      let tokens = 0;
      let events = 0;
      let last = -1;
      for await (const stored of hub.subscribe(runId, { afterSeq: -1 })) {
        if (stored.seq !== last + 1) throw new Error(`run ${runId}: seq ${stored.seq} after ${last}`);
        last = stored.seq;
        if (stored.event.type !== 'text-delta') continue;
        events += 1;
        tokens += stored.event.delta.split(' ').length - 1;
      }
      return { tokens, events };
    });
    executor.start();
    const counts = await Promise.all(received);
    return counts.reduce((all, count) => ({ tokens: all.tokens + count.tokens, events: all.events + count.events }), { tokens: 0, events: 0 });
  } finally {
    await executor.stop();
    await store.close();
  }
}

export default async function pipelineBench(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'ag-bench-pipeline-'));
  try {
    await throughPipeline(directory, -1); // warm-up: module loading and JIT are not counted
    const directs: Measure[] = [];
    const pipelines: Measure[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      directs.push(await measure(direct));
      pipelines.push(await measure(() => throughPipeline(directory, round)));
    }
    const row = (name: string, measures: ReadonlyArray<Measure>) => ({
      path: name,
      'tokens delivered': measures[0]?.tokens ?? 0,
      'tokens/event': median(measures.map((item) => item.tokens / item.events)),
      'wall ms (median)': median(measures.map((item) => item.wallMs)),
      'CPU µs/token (median)': median(measures.map((item) => (item.cpuMs * 1000) / item.tokens)),
      'CPU µs/event (median)': median(measures.map((item) => (item.cpuMs * 1000) / item.events)),
    });
    const base = row('model read directly (baseline)', directs);
    const piped = row('executor → engine → SQLite → hub → subscriber', pipelines);
    printTable([base, piped]);
    const added = piped['CPU µs/token (median)'] - base['CPU µs/token (median)'];
    console.log(`\npipeline CPU per token beyond the baseline: ${added.toFixed(1)} µs (${(piped['CPU µs/token (median)'] / base['CPU µs/token (median)']).toFixed(1)}× the baseline)`);
    console.log(`${RUNS} runs × ${TOKENS} tokens, one token per event-loop turn, ${ROUNDS} rounds, SQLite in a temp dir`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
