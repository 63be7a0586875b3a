import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app';

let harness: TestApp | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

interface Settings {
  global: { value: { defaults: { framework?: string; memory: boolean }; safety: { permissionMode: string } }; updatedAt: string | null };
  user: { value: { theme: string; locale: string }; updatedAt: string | null };
}

describe('settings', () => {
  it('answers defaults before anything is saved', async () => {
    harness = await createTestApp();
    const viewer = await harness.tokenFor(await harness.createUser('viewer'), ['read']);
    const settings = (await (await harness.request('/api/settings', { headers: viewer.headers })).json()) as Settings;
    expect(settings.global).toMatchObject({ updatedAt: null, value: { defaults: { memory: false }, safety: { permissionMode: 'ask' } } });
    expect(settings.user).toMatchObject({ updatedAt: null, value: { theme: 'system', locale: 'en' } });
  });

  it('lets admins replace the workspace settings with optimistic concurrency, and everyone their own', async () => {
    harness = await createTestApp();
    const admin = await harness.sessionFor(await harness.createUser('admin'));
    const viewer = await harness.sessionFor(await harness.createUser('viewer'));
    const first = await harness.request('/api/settings', { method: 'PUT', headers: admin.headers, json: { value: { defaults: { framework: 'langgraph' } }, expectedUpdatedAt: null } });
    expect(first.status).toBe(200);
    const saved = (await first.json()) as Settings;
    expect(saved.global.value.defaults.framework).toBe('langgraph');
    const stale = await harness.request('/api/settings', { method: 'PUT', headers: admin.headers, json: { value: {}, expectedUpdatedAt: null } });
    expect(stale.status).toBe(409);
    expect((await harness.request('/api/settings', { method: 'PUT', headers: admin.headers, json: { value: { defaults: { framework: 'crewai' } }, expectedUpdatedAt: saved.global.updatedAt } })).status).toBe(200);
    expect((await harness.request('/api/settings', { method: 'PUT', headers: viewer.headers, json: { value: {} } })).status).toBe(403);
    const own = await harness.request('/api/settings/me', { method: 'PUT', headers: viewer.headers, json: { value: { theme: 'dark', locale: 'de-CH' } } });
    expect(own.status).toBe(200);
    expect(((await own.json()) as Settings).user.value).toMatchObject({ theme: 'dark', locale: 'de-CH' });
    const adminView = (await (await harness.request('/api/settings', { headers: admin.headers })).json()) as Settings;
    expect(adminView.user.value.theme).toBe('system');
    expect(adminView.global.value.defaults.framework).toBe('crewai');
    const invalid = await harness.request('/api/settings/me', { method: 'PUT', headers: viewer.headers, json: { value: { theme: 'neon' } } });
    expect(invalid.status).toBe(400);
  });
});
