import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-app';

let harness: TestApp | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

describe('first-run setup', () => {
  it('creates the first admin once, signs them in, and refuses a second setup', async () => {
    harness = await createTestApp();
    expect(await (await harness.request('/api/auth/status')).json()).toEqual({ setupRequired: true, passwordLogin: true, oauthProviders: [] });
    const setup = await harness.request('/api/auth/setup', { method: 'POST', json: { email: 'root@example.com', name: 'Root', password: TEST_PASSWORD } });
    expect(setup.status).toBe(201);
    const body = (await setup.json()) as { user: { role: string; hasPassword: boolean }; csrfToken: string };
    expect(body.user).toMatchObject({ role: 'admin', hasPassword: true });
    const me = await harness.request('/api/auth/me', { headers: { cookie: cookieHeader(setup) } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ via: 'session', user: { email: 'root@example.com' }, csrfToken: body.csrfToken });
    const again = await harness.request('/api/auth/setup', { method: 'POST', json: { email: 'evil@example.com', name: 'Evil', password: TEST_PASSWORD } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await (await harness.request('/api/auth/status')).json()) as object).toMatchObject({ setupRequired: false });
    const stored = await harness.store.users.findByEmail('root@example.com');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a short password with a message saying what to do', async () => {
    harness = await createTestApp();
    const response = await harness.request('/api/auth/setup', { method: 'POST', json: { email: 'root@example.com', name: 'Root', password: 'short' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('12 to 256 characters') } });
  });
});

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    harness = await createTestApp();
    const user = await harness.createUser('viewer');
    const response = await harness.request('/api/auth/login', { method: 'POST', json: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.status).toBe(200);
    const [session, csrf] = response.headers.getSetCookie();
    expect(session).toMatch(/^ag_session=[A-Za-z0-9_-]{43}; Max-Age=3600; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(csrf).toMatch(/^ag_csrf=[A-Za-z0-9_-]{43}; Max-Age=3600; Path=\/; SameSite=Lax$/);
    const token = /^ag_session=([^;]+)/.exec(session ?? '')?.[1] ?? '';
    const rows = await harness.store.sessions.listActiveForUser(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(token); // only the hash is stored
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    harness = await createTestApp();
    const user = await harness.createUser('viewer');
    const wrong = await harness.request('/api/auth/login', { method: 'POST', json: { email: user.email, password: 'not the password at all' } });
    const unknown = await harness.request('/api/auth/login', { method: 'POST', json: { email: 'nobody@example.com', password: 'not the password at all' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const audit = await harness.store.audit.list({ action: 'login-fail' });
    expect(audit.total).toBe(2);
    expect(JSON.stringify(audit.items)).not.toContain('not the password');
  });

  it('rotates the session on login: the old cookie stops working', async () => {
    harness = await createTestApp();
    const user = await harness.createUser('editor');
    const first = await harness.sessionFor(user);
    const second = await harness.request('/api/auth/login', { method: 'POST', headers: { cookie: first.headers.cookie ?? '' }, json: { email: user.email, password: TEST_PASSWORD } });
    expect(second.status).toBe(200);
    expect((await harness.request('/api/auth/me', { headers: first.headers })).status).toBe(401);
    expect((await harness.request('/api/auth/me', { headers: { cookie: cookieHeader(second) } })).status).toBe(200);
  });

  it('logout revokes the session and clears the cookies', async () => {
    harness = await createTestApp();
    const caller = await harness.sessionFor(await harness.createUser('viewer'));
    const logout = await harness.request('/api/auth/logout', { method: 'POST', headers: caller.headers });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join('\n')).toContain('ag_session=; Max-Age=0');
    expect((await harness.request('/api/auth/me', { headers: caller.headers })).status).toBe(401);
  });

  it('expires an unused session and slides the expiry of one in use', async () => {
    let now = Date.parse('2025-03-01T10:00:00Z');
    harness = await createTestApp({ clock: () => new Date(now) });
    const caller = await harness.sessionFor(await harness.createUser('viewer'));
    now += 50 * 60 * 1000; // 50 of 60 minutes: still valid, and extended
    const used = await harness.request('/api/auth/me', { headers: caller.headers });
    expect(used.status).toBe(200);
    expect(((await used.json()) as { expiresAt: string }).expiresAt).toBe(new Date(now + 60 * 60 * 1000).toISOString());
    now += 59 * 60 * 1000;
    expect((await harness.request('/api/auth/me', { headers: caller.headers })).status).toBe(200);
    now += 61 * 60 * 1000;
    const expired = await harness.request('/api/auth/me', { headers: caller.headers });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('signs a person out everywhere when an admin disables them or changes their role', async () => {
    harness = await createTestApp();
    const admin = await harness.tokenFor(await harness.createUser('admin'));
    const editor = await harness.createUser('editor');
    const session = await harness.sessionFor(editor);
    const patch = await harness.request(`/api/users/${editor.id}`, { method: 'PATCH', headers: admin.headers, json: { role: 'viewer' } });
    expect(patch.status).toBe(200);
    expect((await harness.request('/api/auth/me', { headers: session.headers })).status).toBe(401);
    const again = await harness.sessionFor(editor);
    await harness.request(`/api/users/${editor.id}`, { method: 'PATCH', headers: admin.headers, json: { disabled: true } });
    expect((await harness.request('/api/auth/me', { headers: again.headers })).status).toBe(401);
    const login = await harness.request('/api/auth/login', { method: 'POST', json: { email: editor.email, password: TEST_PASSWORD } });
    expect(login.status).toBe(401);
  });

  it('rate-limits failed logins with 429 and Retry-After, even with the right password', async () => {
    harness = await createTestApp({ auth: { loginMaxFailures: 3 } });
    const user = await harness.createUser('viewer');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await harness.request('/api/auth/login', { method: 'POST', json: { email: user.email, password: 'wrong password here' } })).status).toBe(401);
    }
    const blocked = await harness.request('/api/auth/login', { method: 'POST', json: { email: user.email, password: TEST_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(await blocked.json()).toMatchObject({ error: { code: 'rate_limited', details: { retryAfterSeconds: 900 } } });
  });
});

describe('CSRF protection for cookie-authenticated writes', () => {
  it('refuses a write without the X-CSRF-Token header, or with a wrong one, and accepts the right one', async () => {
    harness = await createTestApp();
    const caller = await harness.sessionFor(await harness.createUser('editor'));
    const cookieOnly = { cookie: caller.headers.cookie ?? '' };
    const body = { idea: 'Summarise news about a topic every morning' };
    const missing = await harness.request('/api/projects', { method: 'POST', headers: cookieOnly, json: body });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: { code: 'forbidden', details: { reason: 'csrf' } } });
    const wrong = await harness.request('/api/projects', { method: 'POST', headers: { ...cookieOnly, 'x-csrf-token': 'x'.repeat(43) }, json: body });
    expect(wrong.status).toBe(403);
    const right = await harness.request('/api/projects', { method: 'POST', headers: caller.headers, json: body });
    expect(right.status).toBe(201);
    // Reads need no CSRF token; bearer tokens need none either.
    expect((await harness.request('/api/projects', { headers: cookieOnly })).status).toBe(200);
  });
});
