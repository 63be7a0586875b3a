// Conformance cases for the store as a whole: transactions, health check, migrations.
import assert from 'node:assert/strict';
import type { ProjectId, SessionId, Store, UserId } from '@agent-generator/contracts';
import { MIGRATIONS } from '../migrations';
import { manualClock, sampleVersion, type StoreConformanceCase } from './conformance-case';

/** Opens a transaction that writes, then waits for `gate` and rolls back; resolves with what it wrote. */
function pendingTransaction(store: Store, gate: Promise<void>) {
  let wrote: (ids: { readonly userId: UserId; readonly projectId: ProjectId }) => void = () => undefined;
  const written = new Promise<{ readonly userId: UserId; readonly projectId: ProjectId }>((resolve) => (wrote = resolve));
  const rollback = new Error('roll back');
  const finished = store
    .transaction(async (tx) => {
      const owner = await tx.users.create({ email: 'pending@example.com', name: 'Pending', role: 'editor' });
      const { project } = await tx.projects.create({ ownerId: owner.id, name: 'Pending', slug: 'pending', idea: 'i', version: sampleVersion({ createdBy: owner.id }) });
      await tx.apiTokens.create({ userId: owner.id, name: 'pending', prefix: 'agt_pen', tokenHash: 'f'.repeat(64), scopes: ['read'] });
      await tx.sessions.create({ id: 'e'.repeat(64) as SessionId, userId: owner.id, csrfSecret: 'c', expiresAt: '2999-01-01T00:00:00.000Z' });
      wrote({ userId: owner.id, projectId: project.id });
      await gate;
      throw rollback;
    })
    .catch((error: unknown) => assert.equal(error, rollback));
  return { written, finished };
}

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
    name: 'store: reads outside a transaction never see its uncommitted rows (users, tokens, sessions, project list)',
    async run({ open }) {
      const store = await open();
      let release: () => void = () => undefined;
      const pending = pendingTransaction(store, new Promise<void>((resolve) => (release = resolve)));
      const { userId } = await pending.written;
      // Started while the transaction is open; they answer what was committed (nothing), whenever they run.
      const reads = Promise.all([
        store.users.get(userId),
        store.apiTokens.findActiveByHash('f'.repeat(64)),
        store.sessions.findActive('e'.repeat(64) as SessionId),
        store.projects.list(),
      ]);
      release();
      await pending.finished;
      const [user, token, session, page] = await reads;
      assert.equal(user, undefined);
      assert.equal(token, undefined);
      assert.equal(session, undefined);
      assert.deepEqual({ total: page.total, items: page.items }, { total: 0, items: [] });
    },
  },
  {
    name: 'store: ping answers, kind is reported, every migration is recorded once',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      await store.ping();
      assert.ok(store.kind === 'sqlite' || store.kind === 'postgres');
      assert.deepEqual(await store.appliedMigrations(), MIGRATIONS.map((migration) => migration.version).sort());
      assert.deepEqual((await store.appliedMigrations()).slice(0, 2), ['0001-initial', '0002-rate-limits']);
    },
  },
];
