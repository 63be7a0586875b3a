// Conformance cases for the tools a run may offer its model: kept as given, null meaning every tool of the spec.
import assert from 'node:assert/strict';
import type { Store } from '@agent-generator/contracts';
import { createOwner, manualClock, sampleVersion, type StoreConformanceCase } from './conformance-case';

async function newProject(store: Store) {
  const ownerId = await createOwner(store);
  const { project } = await store.projects.create({ ownerId, name: 'Agent', slug: 'agent', idea: 'an idea', version: sampleVersion({ createdBy: ownerId }) });
  return { ownerId, projectId: project.id };
}

export const runToolsCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'runs: the chosen tools are stored with the run and read back by get, list and claim; none chosen is null',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const { ownerId, projectId } = await newProject(store);
      const base = { projectId, runtime: 'spec', permissionMode: 'safe', input: 'hi', createdBy: ownerId } as const;
      const some = await store.runs.create({ ...base, tools: ['calculator', 'web_search'] });
      clock.advance(10);
      const none = await store.runs.create({ ...base, tools: [] });
      const every = await store.runs.create(base);
      const explicitNull = await store.runs.create({ ...base, tools: null });
      assert.deepEqual(some.tools, ['calculator', 'web_search']);
      assert.deepEqual(none.tools, []);
      assert.equal(every.tools, null);
      assert.equal(explicitNull.tools, null);
      assert.deepEqual((await store.runs.get(some.id))?.tools, ['calculator', 'web_search']);
      assert.deepEqual((await store.runs.get(none.id))?.tools, []);
      assert.equal((await store.runs.get(every.id))?.tools, null);
      const listed = new Map((await store.runs.list({ projectId })).items.map((run) => [run.id, run.tools]));
      assert.deepEqual([listed.get(some.id), listed.get(none.id), listed.get(every.id)], [['calculator', 'web_search'], [], null]);
      const claimed = await store.runs.claim({ workerId: 'w1', leaseUntil: '2099-01-01T00:00:00.000Z' });
      assert.equal(claimed?.id, some.id);
      assert.deepEqual(claimed?.tools, ['calculator', 'web_search']);
      const at = '2025-03-01T12:00:01.000Z';
      await store.runs.appendEvents(some.id, [{ type: 'run-start', runId: some.id, seq: 0, at, project: 'agent', framework: 'crewai', pattern: 'sequential', input: 'hi' }]);
      assert.deepEqual((await store.runs.get(some.id))?.tools, ['calculator', 'web_search'], 'appending events keeps the tools');
    },
  },
];
