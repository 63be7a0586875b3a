// Reads /openapi.json, enumerates every operation, and proves the declared access is enforced over
// real HTTP: without credentials every protected route answers 401, a viewer's calls to routes that
// need a higher role answer 403 (sessions and tokens alike), and every route the app serves is documented.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@agent-generator/api';
import { renderProject } from '@agent-generator/renderers';
import { createStore } from '@agent-generator/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiToken, client, personWithRole, signIn, startInProcess, type Client, type InProcessServer } from './server-harness';

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly access: 'public' | { readonly role: 'viewer' | 'editor' | 'admin'; readonly scope: string };
  readonly security: ReadonlyArray<unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const SAMPLE_PARAMS: Readonly<Record<string, string>> = { id: 'no-such-id', provider: 'github', path: 'src/main.py' };

let server: InProcessServer;
let operations: Operation[];
let viewerSession: Client;
let viewerToken: Client;

function urlOf(operation: Operation): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(SAMPLE_PARAMS[name] ?? 'x'));
  return operation.path.endsWith('/diff') ? `${path}?from=1&to=1` : path;
}

async function call(caller: Client, operation: Operation): Promise<Response> {
  const method = operation.method.toUpperCase();
  return caller.request(urlOf(operation), method === 'GET' || method === 'DELETE' ? { method } : { method, json: {} });
}

async function expectError(response: Response, status: number, code: string, label: string): Promise<void> {
  const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } };
  expect({ label, status: response.status, code: body.error?.code }).toEqual({ label, status, code });
  expect(typeof body.error?.message).toBe('string');
  expect(typeof body.error?.details).toBe('object');
}

beforeAll(async () => {
  server = await startInProcess();
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { 'x-access': Operation['access']; security: unknown[] }>> };
  expect(document.openapi).toBe('3.1.0');
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method, path, access: item[method]!['x-access'], security: item[method]!.security })),
  );
  const admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  viewerSession = await personWithRole(server.url, admin, 'viewer');
  viewerToken = await apiToken(server.url, viewerSession, ['read']);
});

afterAll(() => server.stop());

describe('the OpenAPI document', () => {
  it('declares access and security on every operation', () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const operation of operations) {
      expect(operation.access, `${operation.method} ${operation.path}`).toBeDefined();
      expect(operation.security.length, `${operation.method} ${operation.path}`).toBe(operation.access === 'public' ? 0 : 2);
    }
  });

  it('documents every route the app serves, and only those', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ag-routes-'));
    const store = await createStore({ databaseUrl: join(directory, 'routes.db') });
    try {
      const app = createApp({
        store,
        renderProject,
        system: { version: 'test', startedAt: new Date() },
        auth: { sessionSecret: 'x'.repeat(32), sessionMaxAgeMs: 1000, publicUrl: 'http://127.0.0.1', loginMaxFailures: 5, oauthProviders: [], oauthSignupRole: 'none' },
      });
      const served = new Set(
        app.routes
          .filter((route) => route.method !== 'ALL' && !['/openapi.json', '/docs', '/docs/docs.css'].includes(route.path))
          .map((route) => `${route.method} ${route.path.replace(/:(\w+)(\{[^}]+\})?/g, '{$1}')}`),
      );
      const documented = new Set(operations.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`));
      expect([...served].sort()).toEqual([...documented].sort());
    } finally {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('access control, route by route', () => {
  it('answers 401 with the error shape on every protected route without a session or token', async () => {
    const anonymous = client(server.url);
    for (const operation of operations) {
      const response = await call(anonymous, operation);
      const label = `${operation.method.toUpperCase()} ${operation.path}`;
      if (operation.access === 'public') expect(response.status, label).not.toBe(401);
      else await expectError(response, 401, 'unauthenticated', label);
    }
  });

  it("answers 403 to a viewer's session and token on every route that needs a higher role", async () => {
    const guarded = operations.filter((operation) => operation.access !== 'public' && operation.access.role !== 'viewer');
    expect(guarded.filter((operation) => operation.method !== 'get').length).toBeGreaterThanOrEqual(8);
    for (const operation of guarded) {
      const label = `${operation.method.toUpperCase()} ${operation.path}`;
      await expectError(await call(viewerSession, operation), 403, 'forbidden', `${label} (session)`);
      await expectError(await call(viewerToken, operation), 403, 'forbidden', `${label} (token)`);
    }
  });

  it('lets a viewer through on the routes declared for viewers (no 401 or 403)', async () => {
    const open = operations.filter((operation) => operation.access !== 'public' && operation.access.role === 'viewer' && operation.path !== '/api/auth/logout');
    for (const operation of open) {
      const response = await call(viewerSession, operation);
      expect([401, 403], `${operation.method.toUpperCase()} ${operation.path} → ${response.status}`).not.toContain(response.status);
    }
  });
});
