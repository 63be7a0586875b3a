// executeRun with the real engine and a real SQLite store whose writes are slow or fail: events are
// group-committed, the run ends only after all are stored, and a failed write fails the run cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentModel, ModelStreamPart, RunRecord, Store } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';
import { createStore } from '@agent-generator/store';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { executeRun } from './execute-run';
import type { ResolveRunModel } from './resolve-run-model';
import { RunHub } from './run-hub';

const TOKENS = 40;
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A model that streams TOKENS words with no delay between them. */
const model: AgentModel = {
  provider: 'test',
  modelId: 'words',
  generate: () => Promise.reject(new Error('not used')),
  async *stream(): AsyncIterable<ModelStreamPart> {
    for (let index = 0; index < TOKENS; index += 1) yield { type: 'text-delta', delta: `w${index} ` };
    yield { type: 'finish', reason: 'stop', usage: { inputTokens: 1, outputTokens: TOKENS } };
  },
};

/** A store whose appendEvents takes `delayMs` per call and fails on the call numbers in `failOn`. */
async function slowStore(options: { readonly delayMs: number; readonly failOn?: ReadonlyArray<number> }): Promise<{ store: Store; run: RunRecord; calls: number[] }> {
  const directory = mkdtempSync(join(tmpdir(), 'ag-execute-run-test-'));
  directories.push(directory);
  const real = await createStore({ databaseUrl: `sqlite:${join(directory, 'test.db')}` });
  const owner = await real.users.create({ email: 'owner@example.com', name: 'Owner', role: 'editor' });
  const { spec } = planProject('Answer questions about the weather', {});
  const { project } = await real.projects.create({ ownerId: owner.id, name: 'Agent', slug: 'agent', idea: 'an idea', version: { spec, rendererVersion: 'test-1', diagnostics: [], files: [], createdBy: owner.id } });
  await real.runs.create({ projectId: project.id, runtime: 'spec', permissionMode: 'safe', input: 'hi', createdBy: owner.id });
  const run = await real.runs.claim({ workerId: 'test-worker', leaseUntil: '2999-01-01T00:00:00.000Z' });
  if (run === undefined) throw new Error('no run to claim');
  const calls: number[] = [];
  const runs: Store['runs'] = {
    ...real.runs,
    async appendEvents(id, events) {
      calls.push(events.length);
      const call = calls.length;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.failOn?.includes(call) === true) throw new Error(`write ${call} failed`);
      return real.runs.appendEvents(id, events);
    },
  };
  return { store: { ...real, runs }, run, calls };
}

async function execute(store: Store, run: RunRecord, resolveModel: ResolveRunModel = () => Promise.resolve({ agentModel: () => Promise.resolve(model), projectModel: () => Promise.reject(new Error('not used')) })): Promise<void> {
  await executeRun({ store, hub: new RunHub({ store }), run, resolveModel, logger: silentLogger, signal: new AbortController().signal });
}

/** A resolver that tells `notices` while it resolves, then hands out `agentModel`. */
function telling(notices: ReadonlyArray<string>, agentModel: () => Promise<AgentModel>): ResolveRunModel {
  return ({ onFallback }) => {
    for (const notice of notices) onFallback?.(notice);
    return Promise.resolve({ agentModel, projectModel: () => Promise.reject(new Error('not used')) });
  };
}

const NOTICES = ["The project's model ollama/llama3.1:8b is not pulled on ollama (run \"ollama pull llama3.1:8b\"); ollama/qwen2.5:0.5b runs instead.", '<img src=x onerror=alert(1)> [x](javascript:alert(1))'];

describe('executeRun', () => {
  it('stores every engine event gap-free in fewer writes than events, and returns only once run-end is stored', async () => {
    const { store, run, calls } = await slowStore({ delayMs: 5 });
    await execute(store, run);
    const events = await store.runs.events(run.id);
    expect(events.map((stored) => stored.seq)).toEqual(events.map((_, index) => index));
    // Deltas that waited together were merged: every word arrives, in order, once per model turn.
    const text = events.map((stored) => (stored.event.type === 'text-delta' ? stored.event.delta : '')).join('');
    const turn = Array.from({ length: TOKENS }, (_, index) => `w${index} `).join('');
    expect(text).toMatch(new RegExp(`^(${turn})+$`));
    expect(events.at(-1)?.event).toMatchObject({ type: 'run-end', status: 'succeeded' });
    expect(calls.reduce((sum, count) => sum + count, 0)).toBe(events.length);
    expect(calls.length).toBeLessThan(events.length / 2);
    expect((await store.runs.get(run.id))?.status).toBe('succeeded');
  });

  it('ends the run with a store_failed run-error, gap-free, when a write fails', async () => {
    const { store, run } = await slowStore({ delayMs: 1, failOn: [2] });
    await execute(store, run);
    const events = await store.runs.events(run.id);
    expect(events.map((stored) => stored.seq)).toEqual(events.map((_, index) => index));
    expect(events[0]?.event.type).toBe('run-start');
    expect(events.at(-1)?.event).toMatchObject({ type: 'run-error', code: 'store_failed', message: "The run's events could not be stored: write 2 failed" });
    expect((await store.runs.get(run.id))?.status).toBe('failed');
  });

  it('puts the notices the model choice told on run-start, in order and unchanged; a run without any has no notices', async () => {
    const told = await slowStore({ delayMs: 0 });
    await execute(told.store, told.run, telling(NOTICES, () => Promise.resolve(model)));
    const events = (await told.store.runs.events(told.run.id)).map((stored) => stored.event);
    expect(events[0]).toMatchObject({ type: 'run-start', input: 'hi', notices: NOTICES });
    expect(events.filter((event) => event.type === 'run-start')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
    const quiet = await slowStore({ delayMs: 0 });
    await execute(quiet.store, quiet.run);
    expect((await quiet.store.runs.events(quiet.run.id))[0]?.event).not.toHaveProperty('notices');
  });

  it('keeps the notices on run-start when the chosen model cannot be made', async () => {
    const { store, run } = await slowStore({ delayMs: 0 });
    await execute(store, run, telling(NOTICES.slice(0, 1), () => Promise.reject(new Error('The provider settings are incomplete: region'))));
    const events = (await store.runs.events(run.id)).map((stored) => stored.event);
    expect(events).toMatchObject([
      { type: 'run-start', notices: NOTICES.slice(0, 1) },
      { type: 'run-error', code: 'no_model', message: 'The configured model cannot be used: The provider settings are incomplete: region' },
    ]);
  });
});
