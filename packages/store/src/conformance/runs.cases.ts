// Conformance cases for runs, their event logs, the queue with leases, chat sessions and provider settings.
import assert from 'node:assert/strict';
import type { ProjectId, RunEvent, RunId, Store, UserId } from '@agent-generator/contracts';
import { createOwner, manualClock, rejectsWith, sampleVersion, type StoreConformanceCase } from './conformance-case';

async function projectOf(store: Store): Promise<{ readonly ownerId: UserId; readonly projectId: ProjectId }> {
  const ownerId = await createOwner(store);
  const { project } = await store.projects.create({ ownerId, name: 'Agent', slug: 'agent', idea: 'an idea', version: sampleVersion({ createdBy: ownerId }) });
  return { ownerId, projectId: project.id };
}

const at = '2025-03-01T12:00:01.000Z';
const start = (runId: RunId, seq: number): RunEvent => ({ type: 'run-start', runId, seq, at, project: 'agent', framework: 'langgraph', pattern: 'react', input: 'hi' });
const delta = (runId: RunId, seq: number, text: string): RunEvent => ({ type: 'text-delta', runId, seq, at, delta: text });

export const runCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'runs: a new run is queued; events append gap-free and update status, totals, output',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const { ownerId, projectId } = await projectOf(store);
      const run = await store.runs.create({ projectId, runtime: 'spec', permissionMode: 'safe', input: 'hi', createdBy: ownerId, model: { provider: 'openai', id: 'gpt-4.1-mini' } });
      assert.equal(run.status, 'queued');
      assert.equal(run.lastSeq, -1);
      assert.deepEqual(run.totals, { inputTokens: 0, outputTokens: 0 });
      assert.deepEqual(await store.runs.get(run.id), run);
      await store.runs.appendEvents(run.id, [start(run.id, 0), delta(run.id, 1, 'Hel')]);
      await store.runs.appendEvents(run.id, [
        delta(run.id, 2, 'lo'),
        { type: 'usage', runId: run.id, seq: 3, at, inputTokens: 10, outputTokens: 2, costUsd: 0.5 },
        { type: 'usage', runId: run.id, seq: 4, at, inputTokens: 1, outputTokens: 1 },
        { type: 'run-end', runId: run.id, seq: 5, at, status: 'succeeded', output: 'Hello' },
      ]);
      const done = await store.runs.get(run.id);
      assert.equal(done?.status, 'succeeded');
      assert.equal(done?.output, 'Hello');
      assert.equal(done?.lastSeq, 5);
      assert.equal(done?.startedAt, at);
      assert.equal(done?.endedAt, at);
      assert.deepEqual(done?.totals, { inputTokens: 11, outputTokens: 3, costUsd: 0.5 });
      const events = await store.runs.events(run.id, { afterSeq: 1 });
      assert.deepEqual(events.map((stored) => stored.seq), [2, 3, 4, 5]);
      assert.deepEqual(events[0]?.event, delta(run.id, 2, 'lo'));
      assert.deepEqual((await store.runs.events(run.id, { limit: 2 })).map((stored) => stored.seq), [0, 1]);
    },
  },
  {
    name: 'runs: a skipped or repeated seq is refused as conflict and writes nothing; run-error fails the run',
    async run({ open }) {
      const store = await open();
      const { ownerId, projectId } = await projectOf(store);
      const run = await store.runs.create({ projectId, runtime: 'spec', permissionMode: 'ask', input: 'hi', createdBy: ownerId });
      await rejectsWith(store.runs.appendEvents(run.id, [start(run.id, 1)]), 'conflict', { entity: 'run_event' });
      await store.runs.appendEvents(run.id, [start(run.id, 0)]);
      await rejectsWith(store.runs.appendEvents(run.id, [delta(run.id, 1, 'a'), delta(run.id, 1, 'b')]), 'conflict');
      await rejectsWith(store.runs.appendEvents(run.id, [delta(run.id, 0, 'again')]), 'conflict');
      assert.deepEqual((await store.runs.events(run.id)).map((stored) => stored.seq), [0]);
      assert.equal((await store.runs.get(run.id))?.lastSeq, 0);
      await rejectsWith(store.runs.appendEvents('missing' as RunId, [start('missing' as RunId, 0)]), 'not_found');
      await store.runs.appendEvents(run.id, [{ type: 'run-error', runId: run.id, seq: 1, at, code: 'no_model', message: 'No model.' }]);
      const failed = await store.runs.get(run.id);
      assert.equal(failed?.status, 'failed');
      assert.deepEqual(failed?.error, { code: 'no_model', message: 'No model.' });
    },
  },
  {
    name: 'runs: concurrent appends of the same seq: exactly one wins',
    async run({ open }) {
      const store = await open();
      const { ownerId, projectId } = await projectOf(store);
      const run = await store.runs.create({ projectId, runtime: 'spec', permissionMode: 'safe', input: 'hi', createdBy: ownerId });
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => store.runs.appendEvents(run.id, [start(run.id, 0), delta(run.id, 1, String(index))])));
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
      assert.equal((await store.runs.events(run.id)).length, 2);
    },
  },
  {
    name: 'runs: list filters by project, session, status and creator, newest first, with a total',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const { ownerId, projectId } = await projectOf(store);
      const session = await store.chatSessions.create({ projectId, userId: ownerId, title: 'Chat', runtime: 'spec', permissionMode: 'safe' });
      const first = await store.runs.create({ projectId, runtime: 'spec', permissionMode: 'safe', input: 'one', createdBy: ownerId });
      clock.advance(1000);
      const second = await store.runs.create({ projectId, sessionId: session.id, runtime: 'spec', permissionMode: 'safe', input: 'two', createdBy: ownerId });
      const all = await store.runs.list({});
      assert.deepEqual(all.items.map((run) => run.id), [second.id, first.id]);
      assert.equal(all.total, 2);
      assert.deepEqual((await store.runs.list({ sessionId: session.id })).items.map((run) => run.id), [second.id]);
      assert.equal((await store.runs.list({ status: 'succeeded' })).total, 0);
      assert.equal((await store.runs.list({ projectId, createdBy: ownerId, limit: 1 })).items.length, 1);
      await rejectsWith(store.runs.create({ projectId: 'nope' as ProjectId, runtime: 'spec', permissionMode: 'safe', input: 'x', createdBy: ownerId }), 'conflict');
    },
  },
  {
    name: 'runs: claim takes the oldest queued run once; leases renew, expire, and belong to one worker',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const { ownerId, projectId } = await projectOf(store);
      const older = await store.runs.create({ projectId, runtime: 'spec', permissionMode: 'safe', input: 'one', createdBy: ownerId });
      clock.advance(10);
      const newer = await store.runs.create({ projectId, runtime: 'spec', permissionMode: 'safe', input: 'two', createdBy: ownerId });
      const claimed = await store.runs.claim({ workerId: 'w1', leaseUntil: clock.iso(30_000) });
      assert.equal(claimed?.id, older.id);
      assert.equal(claimed?.status, 'running');
      assert.equal(claimed?.workerId, 'w1');
      assert.equal(claimed?.leaseUntil, clock.iso(30_000));
      assert.equal((await store.runs.claim({ workerId: 'w2', leaseUntil: clock.iso(30_000) }))?.id, newer.id);
      assert.equal(await store.runs.claim({ workerId: 'w2', leaseUntil: clock.iso(30_000) }), undefined);
      assert.equal(await store.runs.renewLease({ id: older.id, workerId: 'w2', leaseUntil: clock.iso(60_000) }), false, 'w2 does not hold it');
      assert.equal(await store.runs.renewLease({ id: older.id, workerId: 'w1', leaseUntil: clock.iso(60_000) }), true);
      clock.advance(45_000);
      assert.deepEqual((await store.runs.expiredLeases(clock.iso())).map((run) => run.id), [newer.id]);
      await store.runs.appendEvents(older.id, [start(older.id, 0), { type: 'run-end', runId: older.id, seq: 1, at, status: 'cancelled' }]);
      assert.equal(await store.runs.renewLease({ id: older.id, workerId: 'w1', leaseUntil: clock.iso(60_000) }), false, 'an ended run has no lease');
    },
  },
  {
    name: 'runs: concurrent claimers never take the same run',
    async run({ open }) {
      const store = await open();
      const { ownerId, projectId } = await projectOf(store);
      const created = await Promise.all(Array.from({ length: 12 }, (_, index) => store.runs.create({ projectId, runtime: 'spec', permissionMode: 'safe', input: String(index), createdBy: ownerId })));
      const claims = await Promise.all(Array.from({ length: 20 }, (_, index) => store.runs.claim({ workerId: `w${index % 2}`, leaseUntil: '2099-01-01T00:00:00.000Z' })));
      const ids = claims.flatMap((run) => (run === undefined ? [] : [run.id]));
      assert.equal(ids.length, created.length);
      assert.equal(new Set(ids).size, created.length);
    },
  },
  {
    name: 'runs: requestCancel sets the flag; a missing run is not found',
    async run({ open }) {
      const store = await open();
      const { ownerId, projectId } = await projectOf(store);
      const run = await store.runs.create({ projectId, runtime: 'project', permissionMode: 'dev', input: 'x', createdBy: ownerId });
      assert.equal(run.cancelRequested, false);
      assert.equal((await store.runs.requestCancel(run.id)).cancelRequested, true);
      assert.equal((await store.runs.get(run.id))?.cancelRequested, true);
      await rejectsWith(store.runs.requestCancel('missing' as RunId), 'not_found');
    },
  },
  {
    name: 'chat sessions: create, list most recent first per user, update, touch, delete',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const { ownerId, projectId } = await projectOf(store);
      const first = await store.chatSessions.create({ projectId, userId: ownerId, title: 'First', runtime: 'spec', permissionMode: 'safe' });
      clock.advance(1000);
      const second = await store.chatSessions.create({ projectId, userId: ownerId, title: 'Second', runtime: 'spec', permissionMode: 'ask', model: { provider: 'ollama', id: 'llama3' } });
      assert.deepEqual(second.model, { provider: 'ollama', id: 'llama3' });
      assert.deepEqual((await store.chatSessions.list({ userId: ownerId })).items.map((session) => session.id), [second.id, first.id]);
      clock.advance(1000);
      await store.chatSessions.touch(first.id);
      assert.deepEqual((await store.chatSessions.list({ projectId })).items.map((session) => session.id), [first.id, second.id]);
      const renamed = await store.chatSessions.update(second.id, { title: 'Renamed', permissionMode: 'dev', model: null, runtime: 'project' });
      assert.deepEqual([renamed.title, renamed.permissionMode, renamed.model, renamed.runtime], ['Renamed', 'dev', null, 'project']);
      assert.equal((await store.chatSessions.get(second.id))?.runtime, 'project');
      await rejectsWith(store.chatSessions.update('missing' as never, { title: 'x' }), 'not_found');
      await store.chatSessions.delete(first.id);
      assert.equal(await store.chatSessions.get(first.id), undefined);
      assert.equal((await store.chatSessions.list({ userId: 'someone-else' as UserId })).total, 0);
    },
  },
  {
    name: 'provider settings: put creates or replaces a row; list is sorted by id',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const openai = { id: 'openai', enabled: true, baseUrl: null, apiKeyCiphertext: 'cipher', apiKeyHint: 'abcd', defaultModel: 'gpt-4.1-mini', options: { organization: 'org' } };
      assert.deepEqual(await store.providerSettings.put(openai), { ...openai, updatedAt: clock.iso() });
      await store.providerSettings.put({ id: 'anthropic', enabled: false, baseUrl: null, apiKeyCiphertext: null, apiKeyHint: null, defaultModel: null, options: {} });
      clock.advance(1000);
      await store.providerSettings.put({ ...openai, enabled: false, apiKeyCiphertext: null, apiKeyHint: null });
      assert.deepEqual(await store.providerSettings.get('openai'), { ...openai, enabled: false, apiKeyCiphertext: null, apiKeyHint: null, updatedAt: clock.iso() });
      assert.deepEqual((await store.providerSettings.list()).map((record) => record.id), ['anthropic', 'openai']);
      assert.equal(await store.providerSettings.get('missing'), undefined);
    },
  },
];
