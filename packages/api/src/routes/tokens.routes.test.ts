import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../auth/secret-token';
import { createTestApp, type TestApp } from '../test-app';

let harness: TestApp | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

interface Created {
  token: string;
  apiToken: { id: string; prefix: string; scopes: string[]; expiresAt: string | null };
}

async function createToken(app: TestApp, headers: Record<string, string>, body: object): Promise<Response> {
  return app.request('/api/auth/tokens', { method: 'POST', headers, json: body });
}

describe('API tokens', () => {
  it('is shown once, stored only as a hash, listed without its secret, and authenticates', async () => {
    harness = await createTestApp();
    const editor = await harness.sessionFor(await harness.createUser('editor'));
    const response = await createToken(harness, editor.headers, { name: 'ci', scopes: ['read', 'write'] });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Created;
    expect(created.token).toMatch(/^agt_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.apiToken.prefix)).toBe(true);
    const stored = await harness.store.apiTokens.findActiveByHash(sha256Hex(created.token));
    expect(stored?.tokenHash).toBe(sha256Hex(created.token));
    const list = await harness.request('/api/auth/tokens', { headers: editor.headers });
    expect(JSON.stringify(await list.json())).not.toContain(created.token);
    const me = await harness.request('/api/auth/me', { headers: { authorization: `Bearer ${created.token}` } });
    expect(await me.json()).toMatchObject({ via: 'token', scopes: ['read', 'write'] });
  });

  it('enforces scopes: a read-only token cannot write', async () => {
    harness = await createTestApp();
    const editor = await harness.createUser('editor');
    const reader = await harness.tokenFor(editor, ['read']);
    expect((await harness.request('/api/projects', { headers: reader.headers })).status).toBe(200);
    const write = await harness.request('/api/projects', { method: 'POST', headers: reader.headers, json: { idea: 'Write a weekly report on sales' } });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ error: { code: 'forbidden', details: { requiredScope: 'write' } } });
  });

  it('never grants more than the role allows or the current token holds', async () => {
    harness = await createTestApp();
    const viewer = await harness.sessionFor(await harness.createUser('viewer'));
    const tooMuch = await createToken(harness, viewer.headers, { name: 'x', scopes: ['read', 'write'] });
    expect(tooMuch.status).toBe(403);
    expect(await tooMuch.json()).toMatchObject({ error: { details: { refused: ['write'] } } });
    expect((await createToken(harness, viewer.headers, { name: 'x', scopes: ['read'] })).status).toBe(201);
    const admin = await harness.createUser('admin');
    const writer = await harness.tokenFor(admin, ['read', 'write']);
    expect((await createToken(harness, writer.headers, { name: 'escalate', scopes: ['admin'] })).status).toBe(403);
  });

  it('stops working once revoked, and others cannot revoke it', async () => {
    harness = await createTestApp();
    const owner = await harness.sessionFor(await harness.createUser('editor'));
    const other = await harness.sessionFor(await harness.createUser('editor'));
    const created = (await (await createToken(harness, owner.headers, { name: 'laptop', scopes: ['read'] })).json()) as Created;
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await harness.request('/api/projects', { headers: bearer })).status).toBe(200);
    expect((await harness.request(`/api/auth/tokens/${created.apiToken.id}`, { method: 'DELETE', headers: other.headers })).status).toBe(404);
    expect((await harness.request(`/api/auth/tokens/${created.apiToken.id}`, { method: 'DELETE', headers: owner.headers })).status).toBe(204);
    const after = await harness.request('/api/projects', { headers: bearer });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: 'unauthenticated', message: expect.stringContaining('revoked') } });
    const audit = await harness.store.audit.list({ action: 'token-revoke' });
    expect(audit.items[0]?.targetId).toBe(created.apiToken.id);
  });

  it('expires after the requested number of days', async () => {
    let now = Date.parse('2025-05-01T00:00:00Z');
    harness = await createTestApp({ clock: () => new Date(now) });
    const owner = await harness.sessionFor(await harness.createUser('viewer'));
    const created = (await (await createToken(harness, owner.headers, { name: 'short', scopes: ['read'], expiresInDays: 2 })).json()) as Created;
    expect(created.apiToken.expiresAt).toBe('2025-05-03T00:00:00.000Z');
    const bearer = { authorization: `Bearer ${created.token}` };
    now += 47 * 60 * 60 * 1000;
    expect((await harness.request('/api/auth/me', { headers: bearer })).status).toBe(200);
    now += 2 * 60 * 60 * 1000;
    expect((await harness.request('/api/auth/me', { headers: bearer })).status).toBe(401);
  });

  it('rejects malformed Authorization headers with 401 and the error shape', async () => {
    harness = await createTestApp();
    for (const authorization of ['Basic abc', 'Bearer', 'Bearer agt_nope', `Bearer ${'x'.repeat(5000)}`]) {
      const response = await harness.request('/api/projects', { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated', details: {} } });
    }
  });
});
