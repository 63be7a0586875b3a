// Test support for this package's tests: the real app over a real SQLite file in a temp dir, served
// over real HTTP on 127.0.0.1, with helpers to create people of each role and call the app as them.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, Store, UserRecord } from '@agent-generator/contracts';
import { renderProject } from '@agent-generator/renderers';
import { createStore } from '@agent-generator/store';
import { getRequestListener } from '@hono/node-server';
import type { AppDeps, AuthSettings } from './app-deps';
import { createApp } from './create-app';
import { hashPassword } from './auth/password';
import { newApiToken } from './auth/secret-token';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface Caller {
  readonly user: UserRecord;
  /** Headers that authenticate as this person (cookie + CSRF, or bearer token). */
  readonly headers: Record<string, string>;
}

export interface TestAppOptions {
  readonly auth?: Partial<AuthSettings>;
  readonly clock?: () => Date;
  readonly fetch?: typeof fetch;
  readonly maxBodyBytes?: number;
}

export async function createTestApp(options: TestAppOptions = {}) {
  const directory = mkdtempSync(join(tmpdir(), 'ag-api-test-'));
  const store: Store = await createStore({ databaseUrl: `sqlite:${join(directory, 'test.db')}`, ...(options.clock ? { clock: options.clock } : {}) });
  const deps: AppDeps = {
    store,
    renderProject,
    system: { version: '9.9.9-test', startedAt: new Date('2025-01-01T00:00:00Z') },
    auth: {
      sessionSecret: 'a-test-session-secret-of-at-least-32-characters',
      sessionMaxAgeMs: 60 * 60 * 1000,
      publicUrl: 'http://127.0.0.1:8080',
      loginMaxFailures: 5,
      oauthProviders: [],
      oauthSignupRole: 'none',
      ...options.auth,
    },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  };
  const app = createApp(deps);
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let counter = 0;

  const request = (path: string, init: RequestInit & { readonly json?: unknown } = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${origin}${path}`, { redirect: 'manual', ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  };

  async function createUser(role: Role, email = `person${(counter += 1)}@example.com`): Promise<UserRecord> {
    return store.users.create({ email, name: `${role} ${counter}`, role, passwordHash: await hashPassword(TEST_PASSWORD) });
  }

  /** Signs in through POST /api/auth/login and answers the cookie + CSRF headers. */
  async function sessionFor(user: UserRecord): Promise<Caller> {
    const response = await request('/api/auth/login', { method: 'POST', json: { email: user.email, password: TEST_PASSWORD } });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
    const body = (await response.json()) as { csrfToken: string };
    return { user, headers: { cookie: cookies.join('; '), 'x-csrf-token': body.csrfToken } };
  }

  async function tokenFor(user: UserRecord, scopes: ReadonlyArray<string> = ['read', 'write', 'admin']): Promise<Caller> {
    const secret = newApiToken();
    await store.apiTokens.create({ userId: user.id, name: 'test', prefix: secret.prefix, tokenHash: secret.hash, scopes });
    return { user, headers: { authorization: `Bearer ${secret.token}` } };
  }

  return {
    app,
    store,
    deps,
    request,
    createUser,
    sessionFor,
    tokenFor,
    origin,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
