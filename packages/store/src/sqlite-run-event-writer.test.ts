// Run events on SQLite committed together per event-loop turn: many runs at once land gap-free, one
// run's conflict fails only that append, an open Kysely transaction is waited for, never joined, and
// the run rows the writer keeps are dropped as soon as another connection or a Kysely write changes them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunEvent, RunId, Store } from '@agent-generator/contracts';
import { UserError } from '@agent-generator/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { createOwner, sampleVersion } from './conformance/conformance-case';
import { createStore } from './create-store';

const directory = mkdtempSync(join(tmpdir(), 'ag-run-event-writer-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function storeWithRuns(name: string, count: number): Promise<{ readonly store: Store; readonly runIds: ReadonlyArray<RunId> }> {
  const store = await createStore({ databaseUrl: `sqlite:${join(directory, `${name}.db`)}` });
  const ownerId = await createOwner(store);
  const { project } = await store.projects.create({ ownerId, name: 'p', slug: 'p', idea: 'i', version: sampleVersion({ createdBy: ownerId, label: 'p' }) });
  const runIds: RunId[] = [];
  for (let index = 0; index < count; index += 1) runIds.push((await store.runs.create({ projectId: project.id, runtime: 'spec', permissionMode: 'safe', input: `run ${index}`, createdBy: ownerId })).id);
  return { store, runIds };
}

const usage = (runId: RunId, seq: number, outputTokens: number): RunEvent => ({ type: 'usage', inputTokens: 1, outputTokens, runId, seq, at: '2026-01-01T00:00:02.000Z' });

const deltas = (runId: RunId, from: number, count: number): RunEvent[] =>
  Array.from({ length: count }, (_, index) => ({ type: 'text-delta', delta: `${runId}:${from + index}`, runId, seq: from + index, at: '2026-01-01T00:00:00.000Z' }));

describe('run events on SQLite', () => {
  it('stores the appends of many runs made in one turn, each gap-free, with the run summaries updated', async () => {
    const { store, runIds } = await storeWithRuns('many', 30);
    await Promise.all(runIds.map((runId) => store.runs.appendEvents(runId, deltas(runId, 0, 3))));
    await Promise.all(runIds.map((runId) => store.runs.appendEvents(runId, [...deltas(runId, 3, 1), { type: 'run-end', status: 'succeeded', output: 'done', runId, seq: 4, at: '2026-01-01T00:00:01.000Z' }])));
    for (const runId of runIds) {
      const events = await store.runs.events(runId);
      expect(events.map((event) => event.seq)).toEqual([0, 1, 2, 3, 4]);
      expect(events.slice(0, 4).map((event) => (event.event.type === 'text-delta' ? event.event.delta : ''))).toEqual([0, 1, 2, 3].map((seq) => `${runId}:${seq}`));
      expect(await store.runs.get(runId)).toMatchObject({ lastSeq: 4, status: 'succeeded', output: 'done' });
    }
  });

  it('fails only the append whose seq is wrong or whose run is missing; the others in the same turn land', async () => {
    const { store, runIds } = await storeWithRuns('conflict', 3);
    const [first, second, third] = runIds as [RunId, RunId, RunId];
    const outcomes = await Promise.allSettled([
      store.runs.appendEvents(first, deltas(first, 0, 2)),
      store.runs.appendEvents(second, deltas(second, 5, 1)),
      store.runs.appendEvents('missing-run' as RunId, deltas('missing-run' as RunId, 0, 1)),
      store.runs.appendEvents(third, deltas(third, 0, 1)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(UserError);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'not_found' });
    expect((await store.runs.events(first)).map((event) => event.seq)).toEqual([0, 1]);
    expect(await store.runs.events(second)).toEqual([]);
    expect((await store.runs.get(second))?.lastSeq).toBe(-1);
    expect((await store.runs.events(third)).map((event) => event.seq)).toEqual([0]);
  });

  it('waits for an open transaction instead of joining it: its rollback keeps the events', async () => {
    const { store, runIds } = await storeWithRuns('transaction', 1);
    const [runId] = runIds as [RunId];
    let appended: Promise<void> | undefined;
    const rolledBack = store.transaction(async (tx) => {
      await tx.settings.put({ scope: 'global', value: { probe: 1 } });
      appended = store.runs.appendEvents(runId, deltas(runId, 0, 2));
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    await appended;
    expect((await store.runs.events(runId)).map((event) => event.seq)).toEqual([0, 1]);
  });

  it('sees an append made by another connection between two flushes: the next seq lands and the totals add up', async () => {
    const { store, runIds } = await storeWithRuns('other-connection', 1);
    const [runId] = runIds as [RunId];
    // Two flushes, so the writer trusts the run row it kept.
    await store.runs.appendEvents(runId, deltas(runId, 0, 1));
    await store.runs.appendEvents(runId, deltas(runId, 1, 1));
    const other = await createStore({ databaseUrl: `sqlite:${join(directory, 'other-connection.db')}` });
    try {
      await other.runs.appendEvents(runId, [usage(runId, 2, 10)]);
    } finally {
      await other.close();
    }
    await store.runs.appendEvents(runId, [usage(runId, 3, 5)]);
    expect((await store.runs.events(runId)).map((event) => event.seq)).toEqual([0, 1, 2, 3]);
    expect(await store.runs.get(runId)).toMatchObject({ lastSeq: 3, totals: { inputTokens: 2, outputTokens: 15 } });
  });

  it('sees a write made through Kysely on the same connection between two flushes', async () => {
    const { store, runIds } = await storeWithRuns('same-connection', 1);
    const [runId] = runIds as [RunId];
    await store.runs.appendEvents(runId, deltas(runId, 0, 1));
    await store.runs.appendEvents(runId, deltas(runId, 1, 1));
    await store.transaction((tx) => tx.runs.appendEvents(runId, [usage(runId, 2, 10)]));
    await store.runs.appendEvents(runId, [usage(runId, 3, 5)]);
    expect((await store.runs.events(runId)).map((event) => event.seq)).toEqual([0, 1, 2, 3]);
    expect(await store.runs.get(runId)).toMatchObject({ lastSeq: 3, totals: { inputTokens: 2, outputTokens: 15 } });
  });
});
