// Conformance cases for OAuth identities, cookie sessions and API tokens.
import assert from 'node:assert/strict';
import type { ApiTokenId, SessionId, UserId } from '@agent-generator/contracts';
import { createOwner, manualClock, rejectsWith, type StoreConformanceCase } from './conformance-case';

const MINUTE = 60_000;

export const authCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'identities: link, find, list per user, conflict on a second link, unlink',
    async run({ open }) {
      const store = await open();
      const ada = await createOwner(store, 'ada@example.com');
      const bob = await createOwner(store, 'bob@example.com');
      const linked = await store.identities.link({ provider: 'github', subject: '1001', userId: ada, email: 'ada@github.test' });
      assert.equal(linked.email, 'ada@github.test');
      await store.identities.link({ provider: 'google', subject: '1001', userId: ada });
      assert.deepEqual(await store.identities.find({ provider: 'github', subject: '1001' }), linked);
      assert.equal(await store.identities.find({ provider: 'entra', subject: '1001' }), undefined);
      await rejectsWith(store.identities.link({ provider: 'github', subject: '1001', userId: bob }), 'conflict', { entity: 'identity' });
      await rejectsWith(store.identities.link({ provider: 'github', subject: '7', userId: 'ghost' as UserId }), 'conflict', { fields: ['userId'] });
      assert.deepEqual((await store.identities.listForUser(ada)).map((identity) => identity.provider), ['github', 'google']);
      assert.deepEqual(await store.identities.listForUser(bob), []);
      assert.equal(await store.identities.unlink({ provider: 'github', subject: '1001' }), true);
      assert.equal(await store.identities.unlink({ provider: 'github', subject: '1001' }), false);
      assert.equal(await store.identities.find({ provider: 'github', subject: '1001' }), undefined);
    },
  },
  {
    name: 'sessions: active until expiry or revocation; touch slides the expiry; duplicates conflict',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const userId = await createOwner(store);
      const id = 'a'.repeat(64) as SessionId;
      const created = await store.sessions.create({ id, userId, csrfSecret: 'csrf-1', expiresAt: clock.iso(30 * MINUTE), userAgent: 'test-agent', ipAddress: '127.0.0.1' });
      assert.deepEqual(created, {
        id,
        userId,
        csrfSecret: 'csrf-1',
        createdAt: clock.iso(),
        expiresAt: clock.iso(30 * MINUTE),
        lastSeenAt: clock.iso(),
        revokedAt: null,
        userAgent: 'test-agent',
        ipAddress: '127.0.0.1',
      });
      assert.deepEqual(await store.sessions.findActive(id), created);
      await rejectsWith(store.sessions.create({ id, userId, csrfSecret: 'x', expiresAt: clock.iso(MINUTE) }), 'conflict', { entity: 'session' });
      await rejectsWith(store.sessions.create({ id: 'b' as SessionId, userId: 'ghost' as UserId, csrfSecret: 'x', expiresAt: clock.iso(MINUTE) }), 'conflict');

      clock.advance(20 * MINUTE);
      await store.sessions.touch(id, { expiresAt: clock.iso(30 * MINUTE) });
      const touched = await store.sessions.findActive(id);
      assert.equal(touched?.lastSeenAt, clock.iso());
      assert.equal(touched?.expiresAt, clock.iso(30 * MINUTE));
      clock.advance(29 * MINUTE);
      assert.ok(await store.sessions.findActive(id), 'still active a minute before expiry');
      clock.advance(MINUTE);
      assert.equal(await store.sessions.findActive(id), undefined, 'expired at expiresAt');
      assert.ok(await store.sessions.get(id), 'get still answers an expired session');
      await rejectsWith(store.sessions.create({ id: 'c' as SessionId, userId, csrfSecret: 'x', expiresAt: 'not a date' }), 'invalid_input');
    },
  },
  {
    name: 'sessions: revoke one, revoke all of a user, list active newest first, purge old ones',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const ada = await createOwner(store, 'ada@example.com');
      const bob = await createOwner(store, 'bob@example.com');
      const ids = ['s1', 's2', 's3'].map((id) => id as SessionId);
      const first = 's1' as SessionId;
      for (const id of ids) {
        await store.sessions.create({ id, userId: ada, csrfSecret: id, expiresAt: clock.iso(60 * MINUTE) });
        clock.advance(1000);
      }
      await store.sessions.create({ id: 'bob-1' as SessionId, userId: bob, csrfSecret: 'b', expiresAt: clock.iso(60 * MINUTE) });
      assert.deepEqual((await store.sessions.listActiveForUser(ada)).map((session) => session.id), ['s3', 's2', 's1']);

      assert.equal(await store.sessions.revoke(first), true);
      assert.equal(await store.sessions.revoke(first), false);
      assert.equal(await store.sessions.findActive(first), undefined);
      assert.equal((await store.sessions.get(first))?.revokedAt, clock.iso());
      assert.equal(await store.sessions.revokeAllForUser(ada), 2);
      assert.deepEqual(await store.sessions.listActiveForUser(ada), []);
      assert.ok(await store.sessions.findActive('bob-1' as SessionId), "another user's session is untouched");

      clock.advance(120 * MINUTE);
      await store.sessions.create({ id: 'fresh' as SessionId, userId: bob, csrfSecret: 'f', expiresAt: clock.iso(60 * MINUTE) });
      assert.equal(await store.sessions.purge(clock.iso()), 4);
      assert.ok(await store.sessions.get('fresh' as SessionId));
      assert.equal(await store.sessions.get('s1' as SessionId), undefined);
    },
  },
  {
    name: 'api tokens: found by hash while active, expire, revoke, touch, list newest first, unique hash',
    async run({ open }) {
      const clock = manualClock();
      let counter = 0;
      const store = await open({ clock: clock.now, ids: () => `token-${++counter}` });
      const userId = await createOwner(store);
      const forever = await store.apiTokens.create({ userId, name: 'ci', prefix: 'ag_aaaa', tokenHash: 'hash-a', scopes: ['projects:read', 'projects:write'] });
      assert.deepEqual(forever.scopes, ['projects:read', 'projects:write']);
      assert.equal(forever.expiresAt, null);
      clock.advance(1000);
      const shortLived = await store.apiTokens.create({ userId, name: 'laptop', prefix: 'ag_bbbb', tokenHash: 'hash-b', scopes: [], expiresAt: clock.iso(MINUTE) });
      await rejectsWith(store.apiTokens.create({ userId, name: 'dup', prefix: 'ag_aaaa', tokenHash: 'hash-a', scopes: [] }), 'conflict', { entity: 'apiToken' });
      await rejectsWith(store.apiTokens.create({ userId: 'ghost' as UserId, name: 'x', prefix: 'x', tokenHash: 'hash-x', scopes: [] }), 'conflict');

      assert.deepEqual(await store.apiTokens.findActiveByHash('hash-a'), forever);
      assert.equal((await store.apiTokens.findActiveByHash('hash-b'))?.id, shortLived.id);
      assert.equal(await store.apiTokens.findActiveByHash('hash-unknown'), undefined);
      clock.advance(MINUTE);
      assert.equal(await store.apiTokens.findActiveByHash('hash-b'), undefined, 'expired at expiresAt');

      await store.apiTokens.touch(forever.id);
      assert.equal((await store.apiTokens.get(forever.id))?.lastUsedAt, clock.iso());
      assert.deepEqual((await store.apiTokens.listForUser(userId)).map((token) => token.name), ['laptop', 'ci']);
      assert.equal(await store.apiTokens.revoke(forever.id), true);
      assert.equal(await store.apiTokens.revoke(forever.id), false);
      assert.equal(await store.apiTokens.revoke('token-missing' as ApiTokenId), false);
      assert.equal(await store.apiTokens.findActiveByHash('hash-a'), undefined);
      assert.equal((await store.apiTokens.get(forever.id))?.revokedAt, clock.iso());
      assert.equal((await store.apiTokens.listForUser(userId)).length, 2, 'revoked tokens stay listed');
    },
  },
];
