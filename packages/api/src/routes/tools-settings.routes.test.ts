// The run tools settings routes over the real app and a real SQLite store: admin round trip, who may
// call them, the search key never shown or logged, hostile values refused with nothing stored, and
// the server's own database (directly, by symlink, by hard link, inside DATA_DIR) refused.
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, Store } from '@agent-generator/contracts';
import { renderProject } from '@agent-generator/renderers';
import { createStore } from '@agent-generator/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { newApiToken } from '../auth/secret-token';
import { createApp } from '../create-app';
import { recordingLogger } from './providers.routes.test-harness';

const SEARCH_KEY = 'searx-5ecret-key-value-7c1d';
const PASSWORD = 'a password for the tools settings test';

let root: string;
let serverStore: Store;
let customerDatabase: string;
let app: ReturnType<typeof createApp>;
const logLines: string[] = [];
const bodies: string[] = [];
const headers: Record<string, Record<string, string>> = {};

/** A real SQLite database file at `path` (made by the store, then closed). */
async function sqliteFile(path: string): Promise<string> {
  const store = await createStore({ databaseUrl: `sqlite:${path}` });
  await store.close();
  return path;
}

async function tokenHeaders(role: Role, scopes: ReadonlyArray<string>): Promise<Record<string, string>> {
  const user = await serverStore.users.create({ email: `${role}-${scopes.join('-')}@example.com`, name: role, role, passwordHash: await hashPassword(PASSWORD) });
  const secret = newApiToken();
  await serverStore.apiTokens.create({ userId: user.id, name: 'test', prefix: secret.prefix, tokenHash: secret.hash, scopes });
  return { authorization: `Bearer ${secret.token}` };
}

async function call(path: string, init: { readonly method?: string; readonly as: string; readonly json?: unknown; readonly raw?: string }) {
  const body = init.raw ?? (init.json === undefined ? undefined : JSON.stringify(init.json));
  const response = await app.request(path, { method: init.method ?? 'GET', headers: { ...headers[init.as], ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

const put = (json: unknown, as = 'admin') => call('/api/settings/tools', { method: 'PUT', as, json });
const get = (as = 'admin') => call('/api/settings/tools', { as });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ag-tools-settings-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  mkdirSync(join(root, 'server'));
  mkdirSync(join(root, 'customer'));
  const serverDatabase = join(root, 'server', 'server.db');
  serverStore = await createStore({ databaseUrl: `sqlite:${serverDatabase}` });
  customerDatabase = await sqliteFile(join(root, 'customer', 'shop.db'));
  app = createApp({
    store: serverStore,
    renderProject,
    logger: recordingLogger(logLines),
    system: { version: '9.9.9-test', startedAt: new Date('2025-01-01T00:00:00Z') },
    auth: { sessionSecret: 'a-tools-settings-session-secret-of-32-chars', sessionMaxAgeMs: 3_600_000, publicUrl: 'http://127.0.0.1:8080', loginMaxFailures: 5, oauthProviders: [], oauthSignupRole: 'none' },
    protectedLocations: { dataDir, databaseFile: serverDatabase },
  });
  headers.admin = await tokenHeaders('admin', ['read', 'write', 'admin']);
  headers.adminWithoutAdminScope = await tokenHeaders('admin', ['read', 'write']);
  headers.editor = await tokenHeaders('editor', ['read', 'write']);
  headers.viewer = await tokenHeaders('viewer', ['read']);
  const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin-read-write-admin@example.com', password: PASSWORD }) });
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0] ?? '').join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  headers.session = { cookie, 'x-csrf-token': csrfToken };
  headers.sessionWithoutCsrf = { cookie };
  // Files next to the server's: its database by symlink and hard link, a database inside DATA_DIR.
  symlinkSync(serverDatabase, join(root, 'customer', 'looks-innocent.db'));
  linkSync(serverDatabase, join(root, 'customer', 'hard-link.db'));
  copyFileSync(customerDatabase, join(dataDir, 'copy.db'));
  symlinkSync(join(dataDir, 'copy.db'), join(root, 'customer', 'into-data-dir.db'));
  writeFileSync(join(root, 'customer', 'notes.txt'), 'not a database, just some text that is long enough to fill a header of 100 bytes. '.repeat(3));
  writeFileSync(join(root, 'customer', 'empty.db'), '');
});

afterAll(async () => {
  await serverStore.close();
  rmSync(root, { recursive: true, force: true });
});

describe('run tools settings', () => {
  it('starts with nothing configured, round-trips an admin change and shows the key only as set with a hint', async () => {
    expect((await get()).body).toEqual({ allowPrivateNetwork: false, sql: { databasePath: null, allowWrites: false, timeoutMs: 10_000 }, search: { url: null, apiKeySet: false, apiKeyHint: null }, updatedAt: null });
    const saved = await put({ allowPrivateNetwork: true, sql: { databasePath: customerDatabase, timeoutMs: 5_000 }, search: { url: 'http://127.0.0.1:8888/', apiKey: SEARCH_KEY } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ allowPrivateNetwork: true, sql: { databasePath: customerDatabase, allowWrites: false, timeoutMs: 5_000 }, search: { url: 'http://127.0.0.1:8888', apiKeySet: true, apiKeyHint: '••••7c1d' } });
    expect((await get()).body).toEqual(saved.body);
    // Absent fields keep their value; the key stays set until it is cleared with null.
    const partly = await put({ sql: { databasePath: customerDatabase, allowWrites: true } });
    expect(partly.body).toMatchObject({ allowPrivateNetwork: true, sql: { allowWrites: true, timeoutMs: 5_000 }, search: { apiKeySet: true } });
    const session = await put({ search: { url: 'https://search.example.com' } }, 'session');
    expect(session.body).toMatchObject({ search: { url: 'https://search.example.com', apiKeySet: true, apiKeyHint: '••••7c1d' } });
    const audit = await serverStore.audit.list({ action: 'tools-settings-update' });
    expect(audit.items.map((entry) => entry.details)).toContainEqual({ changed: ['allowPrivateNetwork', 'sql.databasePath', 'sql.timeoutMs', 'search.url', 'search.apiKey'] });

    const everything = [...bodies, ...logLines, JSON.stringify(audit.items)].join('\n');
    expect(everything).not.toContain(SEARCH_KEY);
    expect(logLines.some((line) => line.includes('run tools settings updated') && line.includes('search.apiKey'))).toBe(true);
    const bytes = Buffer.concat(readdirSync(join(root, 'server')).map((name) => readFileSync(join(root, 'server', name))));
    expect(bytes.includes(Buffer.from(SEARCH_KEY))).toBe(false);

    const cleared = await put({ search: { url: null, apiKey: null }, sql: { databasePath: null } });
    expect(cleared.body).toMatchObject({ allowPrivateNetwork: true, sql: { databasePath: null }, search: { url: null, apiKeySet: false, apiKeyHint: null } });
  });

  it('answers 403 to editors, viewers, tokens without the admin scope and sessions without the CSRF header', async () => {
    for (const as of ['editor', 'viewer', 'adminWithoutAdminScope']) {
      expect((await get(as)).status, as).toBe(403);
      expect((await put({ allowPrivateNetwork: true }, as)).status, as).toBe(403);
    }
    expect((await put({ allowPrivateNetwork: true }, 'sessionWithoutCsrf')).status).toBe(403);
    expect((await call('/api/settings/tools', { as: 'nobody' })).status).toBe(401);
  });

  it('refuses hostile values with 400 and keeps the stored document as it was', async () => {
    await put({ allowPrivateNetwork: false, sql: { databasePath: customerDatabase, allowWrites: false, timeoutMs: 2_000 }, search: { url: 'http://127.0.0.1:8888', apiKey: SEARCH_KEY } });
    const before = (await get()).body;
    const customer = join(root, 'customer');
    const hostile: ReadonlyArray<readonly [string, unknown]> = [
      ['NUL in the path', { sql: { databasePath: `${customerDatabase}\u0000.txt` } }],
      ['a 10 kB path', { sql: { databasePath: `/${'a'.repeat(10_000)}` } }],
      ['../ traversal', { sql: { databasePath: `${customer}/../customer/shop.db` } }],
      ['a file: URL', { sql: { databasePath: `file://${customerDatabase}` } }],
      ['a relative path', { sql: { databasePath: 'customer/shop.db' } }],
      ['an empty path', { sql: { databasePath: '' } }],
      ['a number for the path', { sql: { databasePath: 42 } }],
      ['no such file', { sql: { databasePath: join(customer, 'missing.db') } }],
      ['a directory', { sql: { databasePath: customer } }],
      ['a text file', { sql: { databasePath: join(customer, 'notes.txt') } }],
      ['an empty file', { sql: { databasePath: join(customer, 'empty.db') } }],
      ['the server database', { sql: { databasePath: join(root, 'server', 'server.db') } }],
      ['a symlink to the server database', { sql: { databasePath: join(customer, 'looks-innocent.db') } }],
      ['a hard link to the server database', { sql: { databasePath: join(customer, 'hard-link.db') } }],
      ['a file inside DATA_DIR', { sql: { databasePath: join(root, 'data', 'copy.db') } }],
      ['a symlink into DATA_DIR', { sql: { databasePath: join(customer, 'into-data-dir.db') } }],
      ['a timeout under 1 s', { sql: { databasePath: customerDatabase, timeoutMs: 999 } }],
      ['a timeout over 120 s', { sql: { databasePath: customerDatabase, timeoutMs: 120_001 } }],
      ['a fractional timeout', { sql: { databasePath: customerDatabase, timeoutMs: 1500.5 } }],
      ['a string for allowWrites', { sql: { databasePath: customerDatabase, allowWrites: 'yes' } }],
      ['a file: search URL', { search: { url: 'file:///etc/passwd' } }],
      ['credentials in the search URL', { search: { url: 'http://admin:pw@127.0.0.1:8888' } }],
      ['a 10 kB search URL', { search: { url: `http://example.com/${'a'.repeat(10_000)}` } }],
      ['a 10 kB key', { search: { url: 'http://127.0.0.1:8888', apiKey: 'k'.repeat(10_000) } }],
      ['NUL in the key', { search: { url: 'http://127.0.0.1:8888', apiKey: 'abc\u0000def' } }],
      ['a string for allowPrivateNetwork', { allowPrivateNetwork: 'true' }],
      ['an unknown field', { allowPrivateNetwork: true, shell: true }],
      ['an array body', [{ allowPrivateNetwork: true }]],
    ];
    for (const [name, body] of hostile) {
      const answer = await put(body);
      expect(answer.status, name).toBe(400);
      expect((answer.body.error as { code: string }).code, name).toBe('invalid_input');
    }
    const broken = await call('/api/settings/tools', { method: 'PUT', as: 'admin', raw: '{"allowPrivateNetwork": tru' });
    expect(broken.status).toBe(400);
    expect((await get()).body).toEqual(before);
    expect((await put({ sql: { databasePath: join(root, 'server', 'server.db') } })).body).toMatchObject({ error: { details: { field: 'sql.databasePath' } } });
  });
});
