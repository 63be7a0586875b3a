// Conformance cases for settings documents and the audit log.
import assert from 'node:assert/strict';
import type { UserId } from '@agent-generator/contracts';
import { createOwner, manualClock, rejectsWith, type StoreConformanceCase } from './conformance-case';

export const settingsAuditCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'settings: one document per scope, replaced whole, with optimistic concurrency',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const userId = await createOwner(store);
      assert.equal(await store.settings.get('global'), undefined);
      const first = await store.settings.put({ scope: 'global', value: { generation: { framework: 'crewai', temperature: 0.2 }, tags: ['a', 'b'] } });
      assert.deepEqual(first, { scope: 'global', value: { generation: { framework: 'crewai', temperature: 0.2 }, tags: ['a', 'b'] }, updatedAt: clock.iso() });
      assert.deepEqual(await store.settings.get('global'), first);
      await store.settings.put({ scope: userId, value: { theme: 'dark' } });
      clock.advance(1000);
      const replaced = await store.settings.put({ scope: 'global', value: { other: true } });
      assert.deepEqual((await store.settings.get('global'))?.value, { other: true });
      assert.deepEqual((await store.settings.get(userId))?.value, { theme: 'dark' });

      await rejectsWith(store.settings.put({ scope: 'global', value: { stale: true }, expectedUpdatedAt: first.updatedAt }), 'conflict', { entity: 'settings' });
      await rejectsWith(store.settings.put({ scope: 'global', value: { stale: true }, expectedUpdatedAt: null }), 'conflict', { entity: 'settings' });
      assert.deepEqual((await store.settings.get('global'))?.value, { other: true });
      clock.advance(1000);
      const fresh = await store.settings.put({ scope: 'global', value: { fresh: true }, expectedUpdatedAt: replaced.updatedAt });
      assert.equal(fresh.updatedAt, clock.iso());
      const created = await store.settings.put({ scope: 'new-user' as UserId, value: {}, expectedUpdatedAt: null });
      assert.deepEqual(created.value, {});
    },
  },
  {
    name: 'audit: entries come back newest first, ties in reverse insertion order, with every field',
    async run({ open }) {
      const clock = manualClock();
      let counter = 0;
      const store = await open({ clock: clock.now, ids: () => `audit-${++counter}` });
      const first = await store.audit.append({ action: 'server-start' });
      assert.deepEqual(first, { id: 'audit-1', at: clock.iso(), actorId: null, actorLabel: null, action: 'server-start', targetType: null, targetId: null, details: {}, requestId: null, ipAddress: null });
      clock.advance(1000);
      const full = {
        actorId: 'user-1' as UserId,
        actorLabel: 'ada@example.com',
        action: 'project-create',
        targetType: 'project',
        targetId: 'p-1',
        details: { name: 'Demo', nested: { count: 2 } },
        requestId: 'req-1',
        ipAddress: '127.0.0.1',
      };
      const second = await store.audit.append(full);
      const third = await store.audit.append({ ...full, action: 'project-update' });
      assert.deepEqual(second, { ...full, id: 'audit-2', at: clock.iso() });
      const listed = await store.audit.list();
      assert.deepEqual(listed.items.map((entry) => entry.id), [third.id, second.id, first.id]);
      assert.deepEqual(listed.items[1], second);
      assert.equal(listed.total, 3);
    },
  },
  {
    name: 'audit: filters by actor, action and time window; pages with a total',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const ada = await createOwner(store, 'ada@example.com');
      const bob = await createOwner(store, 'bob@example.com');
      const start = clock.iso();
      for (let index = 0; index < 10; index += 1) {
        await store.audit.append({ actorId: index % 2 === 0 ? ada : bob, action: index % 3 === 0 ? 'login' : 'project-create', details: { index } });
        clock.advance(60_000);
      }
      const indexes = async (query: Parameters<typeof store.audit.list>[0]) => (await store.audit.list(query)).items.map((entry) => entry.details.index);
      assert.deepEqual(await indexes({ actorId: ada }), [8, 6, 4, 2, 0]);
      assert.deepEqual(await indexes({ action: 'login' }), [9, 6, 3, 0]);
      assert.deepEqual(await indexes({ actorId: bob, action: 'login' }), [9, 3]);
      const from = new Date(Date.parse(start) + 3 * 60_000).toISOString();
      const to = new Date(Date.parse(start) + 6 * 60_000).toISOString();
      assert.deepEqual(await indexes({ since: from, until: to }), [5, 4, 3]);
      const page = await store.audit.list({ limit: 4, offset: 4 });
      assert.deepEqual(page.items.map((entry) => entry.details.index), [5, 4, 3, 2]);
      assert.equal(page.total, 10);
      assert.equal((await store.audit.list({ actorId: ada, limit: 2 })).total, 5);
      await rejectsWith(store.audit.list({ since: 'yesterday' }), 'invalid_input');
    },
  },
  {
    name: 'audit: entries outlive the user they name',
    async run({ open }) {
      const store = await open();
      const userId = await createOwner(store);
      await store.audit.append({ actorId: userId, actorLabel: 'owner@example.com', action: 'user-delete', targetType: 'user', targetId: userId });
      await store.users.delete(userId);
      const [entry] = (await store.audit.list({ actorId: userId })).items;
      assert.equal(entry?.actorLabel, 'owner@example.com');
    },
  },
];
