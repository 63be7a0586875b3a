// The run event batcher over a real SQLite store whose writes can be held open: group commit, the
// cap per batch, no delay when idle, conflict retry and write errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunId, Store, StoredRunEvent } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';
import { createStore } from '@agent-generator/store';
import { afterEach, describe, expect, it } from 'vitest';
import { RunEventBatcher } from './run-event-batcher';
import { RunHub } from './run-hub';
import { appendToRun, RunLog, type RunEventDraft } from './run-log';

interface HeldStore {
  readonly store: Store;
  /** Event counts of every appendEvents call, in call order. */
  readonly calls: number[];
  /** Holds every write until `release` is called. */
  hold(): void;
  release(): void;
  failWith(error: Error): void;
}

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A real store whose appendEvents is counted and can be held open, as a busy connection would be. */
async function heldStore(): Promise<{ held: HeldStore; runId: RunId }> {
  const directory = mkdtempSync(join(tmpdir(), 'ag-batch-test-'));
  directories.push(directory);
  const real = await createStore({ databaseUrl: `sqlite:${join(directory, 'test.db')}` });
  const owner = await real.users.create({ email: 'owner@example.com', name: 'Owner', role: 'editor' });
  const { spec } = planProject('Answer questions about the weather', {});
  const { project } = await real.projects.create({ ownerId: owner.id, name: 'Agent', slug: 'agent', idea: 'an idea', version: { spec, rendererVersion: 'test-1', diagnostics: [], files: [], createdBy: owner.id } });
  const run = await real.runs.create({ projectId: project.id, runtime: 'spec', permissionMode: 'safe', input: 'hi', createdBy: owner.id });
  const calls: number[] = [];
  let gate: Promise<void> | undefined;
  let open = () => {};
  let failure: Error | undefined;
  const runs: Store['runs'] = {
    ...real.runs,
    async appendEvents(id, events) {
      calls.push(events.length);
      await gate;
      if (failure !== undefined) throw failure;
      return real.runs.appendEvents(id, events);
    },
  };
  const held: HeldStore = {
    store: { ...real, runs },
    calls,
    hold: () => (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => {
      gate = undefined;
      open();
    },
    failWith: (error) => (failure = error),
  };
  return { held, runId: run.id };
}

// Each in its own step, so no two of them merge (see the merging case below).
const delta = (index: number): RunEventDraft => ({ type: 'text-delta', stepId: `s${index}`, delta: `t${index} ` });

function setUp(held: HeldStore, runId: RunId, maxBatch?: number) {
  const hub = new RunHub({ store: held.store, pollMs: 20 });
  const log = new RunLog({ store: held.store, hub, runId, lastSeq: -1 });
  const errors: unknown[] = [];
  const batcher = new RunEventBatcher({ log, onError: (error) => errors.push(error), ...(maxBatch === undefined ? {} : { maxBatch }) });
  return { hub, batcher, errors };
}

async function collect(hub: RunHub, runId: RunId, count: number): Promise<StoredRunEvent[]> {
  const seen: StoredRunEvent[] = [];
  const listening = new AbortController();
  for await (const stored of hub.subscribe(runId, { afterSeq: -1, signal: listening.signal })) {
    seen.push(stored);
    if (seen.length === count) listening.abort();
  }
  return seen;
}

const texts = (events: ReadonlyArray<StoredRunEvent>) => events.map((stored) => (stored.event.type === 'text-delta' ? stored.event.delta : stored.event.type));

describe('RunEventBatcher', () => {
  it('writes the events that arrive during one write together in the next write, in order and gap-free, and publishes them all', async () => {
    const { held, runId } = await heldStore();
    const { hub, batcher } = setUp(held, runId);
    const published = collect(hub, runId, 51);
    held.hold();
    await batcher.add({ type: 'run-start', project: 'agent', framework: 'langgraph', pattern: 'react', input: 'hi' });
    for (let index = 0; index < 50; index += 1) await batcher.add(delta(index));
    expect(held.calls).toEqual([1]);
    held.release();
    await batcher.drained();
    expect(held.calls).toEqual([1, 50]);
    const stored = await held.store.runs.events(runId);
    expect(stored.map((event) => event.seq)).toEqual(Array.from({ length: 51 }, (_, index) => index));
    expect(texts(stored)).toEqual(['run-start', ...Array.from({ length: 50 }, (_, index) => `t${index} `)]);
    const live = await published;
    expect(live.map((event) => event.seq)).toEqual(stored.map((event) => event.seq));
    expect(texts(live)).toEqual(texts(stored));
  });

  it('starts the write of an event that arrives when idle at once, without a timer', async () => {
    const { held, runId } = await heldStore();
    const { batcher } = setUp(held, runId);
    void batcher.add(delta(0));
    expect(held.calls).toEqual([1]);
    await batcher.drained();
    await batcher.add(delta(1));
    expect(held.calls).toEqual([1, 1]);
    await batcher.drained();
    expect((await held.store.runs.get(runId))?.lastSeq).toBe(1);
  });

  it('merges consecutive text deltas of one step that wait together, keeping every character in order', async () => {
    const { held, runId } = await heldStore();
    const { hub, batcher } = setUp(held, runId);
    held.hold();
    await batcher.add({ type: 'run-start', project: 'agent', framework: 'langgraph', pattern: 'react', input: 'hi' });
    const queued: RunEventDraft[] = [
      { type: 'text-delta', stepId: 'a', delta: 'Hel', at: '2026-01-01T00:00:00.000Z' },
      { type: 'text-delta', stepId: 'a', delta: 'lo ', at: '2026-01-01T00:00:01.000Z' },
      { type: 'text-delta', stepId: 'a', delta: 'wor' },
      { type: 'text-delta', stepId: 'b', delta: 'other step' },
      { type: 'usage', inputTokens: 1, outputTokens: 2 },
      { type: 'text-delta', stepId: 'b', delta: 'after ' },
      { type: 'text-delta', stepId: 'b', delta: 'usage' },
    ];
    for (const draft of queued) await batcher.add(draft);
    const published = collect(hub, runId, 5);
    held.release();
    await batcher.drained();
    expect(held.calls).toEqual([1, 4]);
    const stored = await held.store.runs.events(runId);
    expect(texts(stored)).toEqual(['run-start', 'Hello wor', 'other step', 'usage', 'after usage']);
    expect(stored[1]?.event.at).toBe('2026-01-01T00:00:00.000Z');
    expect(texts(await published)).toEqual(texts(stored));
    // Once written, a delta is final: the next one starts a new event.
    await batcher.add({ type: 'text-delta', stepId: 'b', delta: '!' });
    await batcher.drained();
    expect(texts(await held.store.runs.events(runId, { afterSeq: 4 }))).toEqual(['!']);
  });

  it('caps a batch and makes the producer wait while the queue is full', async () => {
    const { held, runId } = await heldStore();
    const { batcher } = setUp(held, runId, 4);
    held.hold();
    const adds = Array.from({ length: 10 }, (_, index) => batcher.add(delta(index)));
    let settled = 0;
    for (const add of adds) void add.then(() => (settled += 1));
    await new Promise((resolve) => setImmediate(resolve));
    // One event in the held write, four queued: the producers of the fourth and later wait for room.
    expect(held.calls).toEqual([1]);
    expect(settled).toBeLessThan(10);
    held.release();
    await Promise.all(adds);
    await batcher.drained();
    expect(held.calls).toEqual([1, 4, 4, 1]);
    expect((await held.store.runs.events(runId)).map((event) => event.seq)).toEqual(Array.from({ length: 10 }, (_, index) => index));
  });

  it('renumbers a batch after someone else appended meanwhile (conflict retry)', async () => {
    const { held, runId } = await heldStore();
    const { hub, batcher } = setUp(held, runId);
    await batcher.add(delta(0));
    await batcher.drained();
    held.hold();
    await batcher.add(delta(1));
    await batcher.add(delta(2));
    const other = appendToRun({ store: held.store, hub, runId, drafts: [{ type: 'text-delta', delta: 'other' }] });
    held.release();
    await Promise.all([other, batcher.drained()]);
    const stored = await held.store.runs.events(runId);
    expect(stored.map((event) => event.seq)).toEqual([0, 1, 2, 3]);
    expect([...texts(stored)].sort()).toEqual(['other', 't0 ', 't1 ', 't2 ']);
  });

  it('fails cleanly when a write fails: onError once, drained and later adds reject, nothing half-written', async () => {
    const { held, runId } = await heldStore();
    const { batcher, errors } = setUp(held, runId);
    held.hold();
    await batcher.add(delta(0));
    await batcher.add(delta(1));
    held.failWith(new Error('disk full'));
    held.release();
    await expect(batcher.drained()).rejects.toThrow('disk full');
    await expect(batcher.add(delta(2))).rejects.toThrow('disk full');
    expect(errors).toHaveLength(1);
    expect(held.calls).toEqual([1]);
    expect(await held.store.runs.events(runId)).toEqual([]);
  });
});
