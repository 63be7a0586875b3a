// Conformance cases for the store as a whole: transactions, health check, migrations.
import assert from 'node:assert/strict';
import { manualClock, sampleVersion, type StoreConformanceCase } from './conformance-case';

export const storeCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'store: a transaction commits everything it wrote together',
    async run({ open }) {
      const store = await open();
      const result = await store.transaction(async (tx) => {
        const owner = await tx.users.create({ email: 'tx@example.com', name: 'Tx', role: 'editor' });
        const created = await tx.projects.create({ ownerId: owner.id, name: 'In tx', slug: 'in-tx', idea: 'i', version: sampleVersion({ createdBy: owner.id }) });
        await tx.audit.append({ actorId: owner.id, action: 'project-create', targetType: 'project', targetId: created.project.id });
        return created.project.id;
      });
      assert.equal((await store.projects.get(result))?.name, 'In tx');
      assert.equal((await store.audit.list({ action: 'project-create' })).items[0]?.targetId, result);
    },
  },
  {
    name: 'store: a transaction that throws leaves nothing behind and rethrows',
    async run({ open }) {
      const store = await open();
      const failure = new Error('render failed');
      await assert.rejects(
        store.transaction(async (tx) => {
          const owner = await tx.users.create({ email: 'tx@example.com', name: 'Tx', role: 'editor' });
          await tx.projects.create({ ownerId: owner.id, name: 'Doomed', slug: 'doomed', idea: 'i', version: sampleVersion({ createdBy: owner.id }) });
          await tx.audit.append({ action: 'project-create' });
          await tx.settings.put({ scope: 'global', value: { doomed: true } });
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.equal(await store.users.count(), 0);
      assert.equal((await store.projects.list()).total, 0);
      assert.equal((await store.audit.list()).total, 0);
      assert.equal(await store.settings.get('global'), undefined);
    },
  },
  {
    name: 'store: a conflict inside a transaction rolls back the earlier writes',
    async run({ open }) {
      const store = await open();
      await store.users.create({ email: 'taken@example.com', name: 'Taken', role: 'viewer' });
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.audit.append({ action: 'user-create' });
          await tx.users.create({ email: 'TAKEN@example.com', name: 'Dup', role: 'viewer' });
        }),
        (error: unknown) => error instanceof Error && 'code' in error && error.code === 'conflict',
      );
      assert.equal((await store.audit.list()).total, 0);
    },
  },
  {
    name: 'store: ping answers, kind is reported, the initial migration is recorded once',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      await store.ping();
      assert.ok(store.kind === 'sqlite' || store.kind === 'postgres');
      assert.deepEqual(await store.appliedMigrations(), ['0001-initial']);
    },
  },
];
