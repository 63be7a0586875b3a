import type { ApiTokenId, Role, UserRecord } from '@agent-generator/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { TokenPrincipal } from './principal';
import { newApiToken } from './secret-token';
import { startReplicas } from './test-replicas';
import { TOKEN_CACHE_TTL_MS, TokenPrincipalCache } from './token-principal-cache';

let running: Awaited<ReturnType<typeof startReplicas>> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function twoReplicas() {
  running = await startReplicas({ count: 2 });
  const [one, two] = running.replicas;
  if (!one || !two) throw new Error('replicas did not start');
  const person = async (role: Role, email: string) => {
    const user = await one.store.users.create({ email, name: email, role });
    const secret = newApiToken();
    const token = await one.store.apiTokens.create({ userId: user.id, name: 'cli', prefix: secret.prefix, tokenHash: secret.hash, scopes: ['read', 'write', 'admin'] });
    return { user, token: secret.token, tokenId: token.id };
  };
  return { one, two, person, advance: running.advance };
}

describe('API token principals cached for a few seconds', () => {
  it('revoking takes effect at once in the replica that revoked, and within the TTL in the others', async () => {
    const { one, two, person, advance } = await twoReplicas();
    const ada = await person('editor', 'ada@example.com');
    expect((await one.call('/api/auth/me', { token: ada.token })).status).toBe(200);
    expect((await two.call('/api/auth/me', { token: ada.token })).status).toBe(200);

    expect((await one.call(`/api/auth/tokens/${ada.tokenId}`, { token: ada.token, method: 'DELETE' })).status).toBe(204);
    expect((await one.call('/api/auth/me', { token: ada.token })).status).toBe(401);
    // Replica two still remembers the token it looked up a moment ago…
    advance(TOKEN_CACHE_TTL_MS - 1);
    expect((await two.call('/api/auth/me', { token: ada.token })).status).toBe(200);
    // …but no longer than the TTL.
    advance(1);
    expect((await two.call('/api/auth/me', { token: ada.token })).status).toBe(401);
  });

  it('disabling a user or changing their role applies at once to their cached tokens in this replica', async () => {
    const { one, person } = await twoReplicas();
    const admin = await person('admin', 'root@example.com');
    const ada = await person('editor', 'ada@example.com');
    const bob = await person('editor', 'bob@example.com');
    expect((await one.call('/api/projects', { token: ada.token })).status).toBe(200);
    expect((await one.call('/api/projects', { token: bob.token })).status).toBe(200);

    expect((await one.call(`/api/users/${ada.user.id}`, { token: admin.token, method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    expect((await one.call('/api/projects', { token: ada.token })).status).toBe(401);

    expect((await one.call(`/api/users/${bob.user.id}`, { token: admin.token, method: 'PATCH', json: { role: 'viewer' } })).status).toBe(200);
    const me = (await (await one.call('/api/auth/me', { token: bob.token })).json()) as { user: UserRecord };
    expect(me.user.role).toBe('viewer');
  });

  it('honours a token’s own expiry even while cached', async () => {
    const { one, advance } = await twoReplicas();
    const user = await one.store.users.create({ email: 'eve@example.com', name: 'Eve', role: 'viewer' });
    const secret = newApiToken();
    await one.store.apiTokens.create({ userId: user.id, name: 'short', prefix: secret.prefix, tokenHash: secret.hash, scopes: ['read'], expiresAt: '2025-06-01T00:00:01.000Z' });
    expect((await one.call('/api/auth/me', { token: secret.token })).status).toBe(200);
    advance(1000);
    expect((await one.call('/api/auth/me', { token: secret.token })).status).toBe(401);
  });
});

describe('TokenPrincipalCache', () => {
  const principal = (tokenId: string): TokenPrincipal => ({
    user: { id: 'user-1', email: 'a@example.com', name: 'A', role: 'editor', passwordHash: null, disabled: false, createdAt: '', updatedAt: '' } as UserRecord,
    credential: { kind: 'token', token: { id: tokenId as ApiTokenId, userId: 'user-1' as UserRecord['id'], name: 't', prefix: 'agt_', tokenHash: 'h', scopes: ['read'], createdAt: '', lastUsedAt: null, expiresAt: null, revokedAt: null } },
  });

  it('refuses to store a lookup that began before an invalidation (a revoke racing a request)', () => {
    const cache = new TokenPrincipalCache({ clock: () => new Date(0) });
    const ticket = cache.ticket();
    cache.forgetToken('token-1' as ApiTokenId);
    cache.set('hash-1', principal('token-1'), ticket);
    expect(cache.get('hash-1')).toBeUndefined();
    cache.set('hash-1', principal('token-1'), cache.ticket());
    expect(cache.get('hash-1')?.credential.token.id).toBe('token-1');
    cache.forgetUser('user-1' as UserRecord['id']);
    expect(cache.get('hash-1')).toBeUndefined();
  });
});
