// Checks the route test app: callers made in order with their role and scopes, and a fresh app each test.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../test-app';
import { useRouteTestApp } from './route-test-app';

const { harness, callers } = useRouteTestApp({ callers: { owner: { role: 'admin' }, reader: { role: 'editor', scopes: ['read'] } } });

const me = async (caller: Caller) => (await (await harness.request('/api/auth/me', { headers: caller.headers })).json()) as { user: { email: string; role: string }; via: string; scopes: string[] };

describe('useRouteTestApp', () => {
  it('signs each caller in with a token of its role and scopes, in the order they are named', async () => {
    expect(await me(callers.owner)).toMatchObject({ user: { email: 'person1@example.com', role: 'admin' }, via: 'token', scopes: ['read', 'write', 'admin'] });
    expect(await me(callers.reader)).toMatchObject({ user: { email: 'person2@example.com', role: 'editor' }, via: 'token', scopes: ['read'] });
    expect(callers.reader.user.role).toBe('editor');
    await harness.createUser('editor', 'left-behind@example.com');
  });

  it('gives the next test an app of its own, with only its callers', async () => {
    expect(await harness.store.users.findByEmail('left-behind@example.com')).toBeUndefined();
    expect(await harness.store.users.count()).toBe(2);
  });
});
