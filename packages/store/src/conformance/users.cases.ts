// Conformance cases for users: unique email in any case, updates, listing, counting, deleting.
import assert from 'node:assert/strict';
import type { SessionId, UserId } from '@agent-generator/contracts';
import { createOwner, manualClock, rejectsWith, sampleVersion, type StoreConformanceCase } from './conformance-case';

export const userCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'users: create stamps ids and times from the injected clock and id generator',
    async run({ open }) {
      const clock = manualClock();
      let counter = 0;
      const store = await open({ clock: clock.now, ids: () => `id-${++counter}` });
      const user = await store.users.create({ email: ' Ada@Example.com ', name: 'Ada', role: 'admin', passwordHash: '$argon2id$hash' });
      assert.deepEqual(user, {
        id: 'id-1',
        email: 'Ada@Example.com',
        name: 'Ada',
        role: 'admin',
        passwordHash: '$argon2id$hash',
        disabled: false,
        createdAt: '2025-03-01T12:00:00.000Z',
        updatedAt: '2025-03-01T12:00:00.000Z',
      });
      assert.deepEqual(await store.users.get(user.id), user);
      assert.deepEqual(await store.users.findByEmail('ada@EXAMPLE.com'), user);
      assert.equal(await store.users.get('missing' as UserId), undefined);
      assert.equal(await store.users.findByEmail('nobody@example.com'), undefined);
    },
  },
  {
    name: 'users: an email taken in another case is a conflict',
    async run({ open }) {
      const store = await open();
      await store.users.create({ email: 'ada@example.com', name: 'Ada', role: 'editor' });
      await rejectsWith(store.users.create({ email: 'ADA@example.COM', name: 'Other', role: 'viewer' }), 'conflict', { entity: 'user', fields: ['email'] });
      const other = await store.users.create({ email: 'bob@example.com', name: 'Bob', role: 'viewer' });
      await rejectsWith(store.users.update(other.id, { email: 'Ada@Example.com' }), 'conflict', { entity: 'user' });
      assert.equal((await store.users.get(other.id))?.email, 'bob@example.com');
    },
  },
  {
    name: 'users: update changes only the given fields and stamps updatedAt; a missing user is not_found',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const user = await store.users.create({ email: 'ada@example.com', name: 'Ada', role: 'editor', passwordHash: 'old' });
      clock.advance(1000);
      const updated = await store.users.update(user.id, { role: 'viewer', disabled: true, passwordHash: null });
      assert.deepEqual(updated, { ...user, role: 'viewer', disabled: true, passwordHash: null, updatedAt: clock.iso() });
      assert.deepEqual(await store.users.get(user.id), updated);
      const renamed = await store.users.update(user.id, { name: 'Ada L.', email: 'ada.l@example.com', disabled: false });
      assert.equal(renamed.name, 'Ada L.');
      assert.equal((await store.users.findByEmail('ADA.L@example.com'))?.id, user.id);
      assert.equal(await store.users.findByEmail('ada@example.com'), undefined);
      await rejectsWith(store.users.update('missing' as UserId, { name: 'x' }), 'not_found', { entity: 'user', id: 'missing' });
    },
  },
  {
    name: 'users: list searches email and name, filters by role, pages in email order with a total; count filters',
    async run({ open }) {
      const store = await open();
      const people = [
        ['carol@example.com', 'Carol Admin', 'admin'],
        ['alice@example.com', 'Alice', 'editor'],
        ['bob@example.com', 'Bob Smith', 'viewer'],
        ['dave@other.org', 'Dave', 'editor'],
      ] as const;
      for (const [email, name, role] of people) await store.users.create({ email, name, role });
      const dave = await store.users.findByEmail('dave@other.org');
      assert.ok(dave);
      await store.users.update(dave.id, { disabled: true });
      const all = await store.users.list();
      assert.deepEqual(all.items.map((user) => user.email), ['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@other.org']);
      assert.equal(all.total, 4);
      const page = await store.users.list({ limit: 2, offset: 1 });
      assert.deepEqual(page.items.map((user) => user.email), ['bob@example.com', 'carol@example.com']);
      assert.deepEqual([page.total, page.limit, page.offset], [4, 2, 1]);
      assert.deepEqual((await store.users.list({ search: 'SMITH' })).items.map((user) => user.name), ['Bob Smith']);
      assert.deepEqual((await store.users.list({ search: 'example.com', role: 'editor' })).items.map((user) => user.name), ['Alice']);
      assert.equal((await store.users.list({ search: '%' })).total, 0);
      assert.equal(await store.users.count(), 4);
      assert.equal(await store.users.count({ role: 'admin' }), 1);
      assert.equal(await store.users.count({ role: 'editor', disabled: false }), 1);
      assert.equal(await store.users.count({ disabled: true }), 1);
    },
  },
  {
    name: 'users: delete removes sessions, tokens, identities and settings, and refuses while the user owns projects',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const userId = await createOwner(store);
      const other = await createOwner(store, 'other@example.com');
      await store.sessions.create({ id: 'session-hash' as SessionId, userId, csrfSecret: 'csrf', expiresAt: clock.iso(60_000) });
      const token = await store.apiTokens.create({ userId, name: 'cli', prefix: 'ag_12', tokenHash: 'token-hash', scopes: ['read'] });
      await store.identities.link({ provider: 'github', subject: '42', userId });
      await store.settings.put({ scope: userId, value: { theme: 'dark' } });
      await store.settings.put({ scope: other, value: { theme: 'light' } });
      const { project } = await store.projects.create({ ownerId: userId, name: 'Mine', slug: 'mine', idea: 'idea', version: sampleVersion({ createdBy: userId }) });

      await rejectsWith(store.users.delete(userId), 'conflict', { entity: 'user', fields: ['projects'] });
      assert.ok(await store.users.get(userId));
      assert.ok(await store.settings.get(userId), 'a refused delete keeps everything');

      await store.projects.delete(project.id);
      assert.equal(await store.users.delete(userId), true);
      assert.equal(await store.users.get(userId), undefined);
      assert.equal(await store.sessions.get('session-hash' as SessionId), undefined);
      assert.equal(await store.apiTokens.get(token.id), undefined);
      assert.equal(await store.identities.find({ provider: 'github', subject: '42' }), undefined);
      assert.equal(await store.settings.get(userId), undefined);
      assert.deepEqual((await store.settings.get(other))?.value, { theme: 'light' });
      assert.equal(await store.users.delete(userId), false);
    },
  },
];
