import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-app';

let harness: TestApp | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('user administration', () => {
  it('creates, lists, changes and deletes users, auditing each change without passwords', async () => {
    harness = await createTestApp();
    const admin = await harness.tokenFor(await harness.createUser('admin', 'root@example.com'));
    const created = await harness.request('/api/users', { method: 'POST', headers: admin.headers, json: { email: 'Grace@Example.com', name: 'Grace', role: 'viewer', password: TEST_PASSWORD } });
    expect(created.status).toBe(201);
    const grace = (await created.json()) as { id: string; hasPassword: boolean };
    expect(grace.hasPassword).toBe(true);
    expect(JSON.stringify(grace)).not.toContain('argon2');
    const duplicate = await harness.request('/api/users', { method: 'POST', headers: admin.headers, json: { email: 'grace@example.com', name: 'Other', role: 'viewer' } });
    expect(duplicate.status).toBe(409);
    const list = (await (await harness.request('/api/users?search=grace', { headers: admin.headers })).json()) as { total: number };
    expect(list.total).toBe(1);
    const promoted = await harness.request(`/api/users/${grace.id}`, { method: 'PATCH', headers: admin.headers, json: { role: 'editor', password: 'a brand new password' } });
    expect(await promoted.json()).toMatchObject({ role: 'editor' });
    const login = await harness.request('/api/auth/login', { method: 'POST', json: { email: 'grace@example.com', password: 'a brand new password' } });
    expect(login.status).toBe(200);
    expect((await harness.request(`/api/users/${grace.id}`, { method: 'DELETE', headers: admin.headers })).status).toBe(204);
    expect((await harness.request(`/api/users/${grace.id}`, { headers: admin.headers })).status).toBe(404);
    const audit = (await (await harness.request('/api/audit?limit=10', { headers: admin.headers })).json()) as { items: Array<{ action: string; details: object }> };
    expect(audit.items.map((entry) => entry.action)).toEqual(expect.arrayContaining(['user-create', 'user-update', 'user-delete']));
    expect(JSON.stringify(audit.items)).not.toContain('a brand new password');
    const filtered = (await (await harness.request('/api/audit?action=user-update', { headers: admin.headers })).json()) as { items: Array<{ details: { passwordReset: boolean; signedOut: boolean } }> };
    expect(filtered.items).toHaveLength(1);
    expect(filtered.items[0]?.details).toMatchObject({ passwordReset: true, signedOut: true });
  });

  it('keeps at least one active admin', async () => {
    harness = await createTestApp();
    const root = await harness.createUser('admin');
    const admin = await harness.tokenFor(root);
    for (const change of [{ role: 'editor' }, { disabled: true }]) {
      const response = await harness.request(`/api/users/${root.id}`, { method: 'PATCH', headers: admin.headers, json: change });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('At least one active admin') } });
    }
    expect((await harness.request(`/api/users/${root.id}`, { method: 'DELETE', headers: admin.headers })).status).toBe(409);
    const second = await harness.createUser('admin');
    expect((await harness.request(`/api/users/${root.id}`, { method: 'PATCH', headers: admin.headers, json: { role: 'editor' } })).status).toBe(200);
    expect(second.role).toBe('admin');
  });
});
