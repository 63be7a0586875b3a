// Conformance cases for the project listing: search, filters, every sort, pages and totals.
import assert from 'node:assert/strict';
import type { FrameworkId, ProjectListQuery, Store, UserId } from '@agent-generator/contracts';
import { createOwner, manualClock, type ManualClock, type StoreConformanceCase } from './conformance-case';
import { sampleVersion } from './conformance-case';

const FIXTURES: ReadonlyArray<{ name: string; idea: string; framework: FrameworkId }> = [
  { name: 'beta report', idea: 'Summarise weekly SALES numbers', framework: 'crewai' },
  { name: 'Alpha Desk', idea: 'Answer support tickets with 100% accuracy', framework: 'langgraph' },
  { name: 'gamma_bot', idea: 'Triage GitHub issues', framework: 'crewai' },
  { name: 'Delta', idea: 'Plan sales calls for the week', framework: 'autogen' },
  { name: 'épsilon', idea: 'Translate release notes', framework: 'langgraph' },
];

async function seed(store: Store, clock: ManualClock): Promise<{ readonly ownerId: UserId; readonly otherId: UserId }> {
  const ownerId = await createOwner(store);
  const otherId = await createOwner(store, 'other@example.com');
  for (const [index, fixture] of FIXTURES.entries()) {
    const owner = index === 4 ? otherId : ownerId;
    const version = sampleVersion({ createdBy: owner, framework: fixture.framework });
    await store.projects.create({ ownerId: owner, name: fixture.name, slug: `p-${index}`, idea: fixture.idea, version });
    clock.advance(1000);
  }
  return { ownerId, otherId };
}

async function names(store: Store, query: ProjectListQuery): Promise<string[]> {
  return (await store.projects.list(query)).items.map((project) => project.name);
}

export const projectListCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'project list: newest update first by default, every sort key in both directions',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      await seed(store, clock);
      const created = FIXTURES.map((fixture) => fixture.name);
      assert.deepEqual(await names(store, {}), [...created].reverse());
      assert.deepEqual(await names(store, { sort: 'created', order: 'asc' }), created);
      assert.deepEqual(await names(store, { sort: 'created', order: 'desc' }), [...created].reverse());
      assert.deepEqual(await names(store, { sort: 'name', order: 'asc' }), ['Alpha Desk', 'beta report', 'Delta', 'gamma_bot', 'épsilon']);
      assert.deepEqual(await names(store, { sort: 'name', order: 'desc' }), ['épsilon', 'gamma_bot', 'Delta', 'beta report', 'Alpha Desk']);
      const first = (await store.projects.list({ sort: 'created', order: 'asc', limit: 1 })).items[0];
      assert.ok(first);
      await store.projects.update(first.id, { idea: 'touched' });
      assert.deepEqual((await names(store, { sort: 'updated', order: 'desc' }))[0], 'beta report');
      assert.deepEqual((await names(store, { sort: 'updated', order: 'asc' }))[0], 'Alpha Desk');
    },
  },
  {
    name: 'project list: search is a case-insensitive substring of name or idea, with % and _ taken literally',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      await seed(store, clock);
      const sorted = { sort: 'name', order: 'asc' } as const;
      assert.deepEqual(await names(store, { ...sorted, search: 'sales' }), ['beta report', 'Delta']);
      assert.deepEqual(await names(store, { ...sorted, search: 'DESK' }), ['Alpha Desk']);
      assert.deepEqual(await names(store, { ...sorted, search: '100%' }), ['Alpha Desk']);
      assert.deepEqual(await names(store, { ...sorted, search: '%' }), ['Alpha Desk']);
      assert.deepEqual(await names(store, { ...sorted, search: 'a_b' }), ['gamma_bot']);
      assert.deepEqual(await names(store, { ...sorted, search: '_' }), ['gamma_bot']);
      assert.deepEqual(await names(store, { ...sorted, search: 'ÉPSILON' }), ['épsilon']);
      assert.deepEqual(await names(store, { ...sorted, search: '   ' }), ['Alpha Desk', 'beta report', 'Delta', 'gamma_bot', 'épsilon']);
      assert.deepEqual(await names(store, { search: 'no such thing' }), []);
    },
  },
  {
    name: 'project list: framework and owner filters combine with search; pages report the total',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const { ownerId, otherId } = await seed(store, clock);
      const sorted = { sort: 'name', order: 'asc' } as const;
      assert.deepEqual(await names(store, { ...sorted, framework: 'crewai' }), ['beta report', 'gamma_bot']);
      assert.deepEqual(await names(store, { ...sorted, framework: 'langgraph', ownerId }), ['Alpha Desk']);
      assert.deepEqual(await names(store, { ...sorted, ownerId: otherId }), ['épsilon']);
      assert.deepEqual(await names(store, { ...sorted, framework: 'crewai', search: 'github' }), ['gamma_bot']);
      assert.deepEqual(await names(store, { framework: 'strands' }), []);

      const pages = [];
      for (let offset = 0; offset < 5; offset += 2) pages.push(await store.projects.list({ ...sorted, limit: 2, offset }));
      assert.deepEqual(pages.map((page) => page.items.map((project) => project.name)), [['Alpha Desk', 'beta report'], ['Delta', 'gamma_bot'], ['épsilon']]);
      assert.ok(pages.every((page) => page.total === 5 && page.limit === 2));
      const filtered = await store.projects.list({ framework: 'crewai', limit: 1 });
      assert.deepEqual([filtered.items.length, filtered.total], [1, 2]);
      const beyond = await store.projects.list({ offset: 50 });
      assert.deepEqual([beyond.items.length, beyond.total], [0, 5]);
      const clamped = await store.projects.list({ limit: 100_000, offset: -3 });
      assert.deepEqual([clamped.limit, clamped.offset, clamped.items.length], [500, 0, 5]);
    },
  },
  {
    name: 'project list: projects created at the same instant page without overlap or gaps',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const ownerId = await createOwner(store);
      const version = sampleVersion({ createdBy: ownerId });
      for (let index = 0; index < 7; index += 1) await store.projects.create({ ownerId, name: 'Same', slug: 'same', idea: 'same', version });
      const seen: string[] = [];
      for (let offset = 0; offset < 7; offset += 3) seen.push(...(await store.projects.list({ limit: 3, offset })).items.map((project) => project.id));
      assert.equal(new Set(seen).size, 7);
    },
  },
];
