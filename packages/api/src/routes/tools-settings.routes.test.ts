// The run tools settings routes over the real app and a real SQLite store: admin round trip, who may
// call them, the search key and the PostgreSQL password never shown, logged or stored in clear,
// hostile values refused with nothing stored, and the server's own database (directly, by symlink, by
// hard link, inside DATA_DIR, or by a PostgreSQL URL naming it) refused.
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, RunRecord, Store } from '@agent-generator/contracts';
import { renderProject } from '@agent-generator/renderers';
import { createStore } from '@agent-generator/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { newApiToken } from '../auth/secret-token';
import { createStoreToolsResolver } from '../runs/resolve-run-tools';
import { createApp } from '../create-app';
import { createProviderSecrets } from '../services/provider-secrets';
import { recordingLogger } from './providers.routes.test-harness';

const SEARCH_KEY = 'searx-5ecret-key-value-7c1d';
const SESSION_SECRET = 'a-tools-settings-session-secret-of-32-chars';
const PG_PASSWORD = 'Pg-5ecret-route-pass-2d9a';
const PG_URL = `postgres://reader:${PG_PASSWORD}@warehouse.example.com:5433/sales?sslmode=require`;
/** The server's own database as its DATABASE_URL would name it (only compared, never connected to here). */
const SERVER_DATABASE_URL = 'postgres://agent:server-db-pw@db.internal/agentgen';
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
    auth: { sessionSecret: SESSION_SECRET, sessionMaxAgeMs: 3_600_000, publicUrl: 'http://127.0.0.1:8080', loginMaxFailures: 5, oauthProviders: [], oauthSignupRole: 'none' },
    protectedLocations: { dataDir, databaseFile: serverDatabase, databaseUrl: SERVER_DATABASE_URL },
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
    expect((await get()).body).toEqual({ allowPrivateNetwork: false, sql: { databasePath: null, postgres: null, allowWrites: false, timeoutMs: 10_000 }, search: { url: null, apiKeySet: false, apiKeyHint: null }, updatedAt: null });
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

describe('run tools settings with a PostgreSQL database', () => {
  const displayUrl = 'postgres://reader@warehouse.example.com:5433/sales?sslmode=require';
  const serverBytes = () => Buffer.concat(readdirSync(join(root, 'server')).map((name) => readFileSync(join(root, 'server', name))));

  it('stores the URL sealed, shows it without the password, keeps it across limit changes and hands it whole to runs', async () => {
    const firstBody = bodies.length;
    const saved = await put({ sql: { postgresUrl: PG_URL, allowWrites: true, timeoutMs: 4_000 } });
    expect(saved.status).toBe(200);
    const view = { databasePath: null, postgres: { url: displayUrl, passwordSet: true }, allowWrites: true, timeoutMs: 4_000 };
    expect(saved.body.sql).toEqual(view);
    expect((await get()).body.sql).toEqual(view);

    // At rest: the row holds a ciphertext that opens to the URL under its own seal id, and no password.
    const row = JSON.stringify(await serverStore.settings.get('run-tools'));
    expect(row).not.toContain(PG_PASSWORD);
    const stored = (await serverStore.settings.get('run-tools'))?.value.sql as { urlCiphertext: string };
    const secrets = createProviderSecrets(SESSION_SECRET);
    expect(secrets.open({ providerId: 'run-tools/sql', sealed: stored.urlCiphertext })).toBe(PG_URL);
    expect(secrets.open({ providerId: 'run-tools/search', sealed: stored.urlCiphertext })).toBeUndefined();
    expect(serverBytes().includes(Buffer.from(PG_PASSWORD))).toBe(false);

    // Only the limits change: the stored URL stays; a run gets it whole.
    expect((await put({ sql: { allowWrites: false } })).body.sql).toEqual({ ...view, allowWrites: false });
    const resolve = createStoreToolsResolver({ sessionSecret: SESSION_SECRET, protectedLocations: { databaseUrl: SERVER_DATABASE_URL }, logger: recordingLogger(logLines) });
    expect((await resolve({ store: serverStore, run: { id: 'run-pg' } as RunRecord })).sql).toEqual({ kind: 'postgres', url: PG_URL, allowWrites: false, timeoutMs: 4_000 });

    const plain = await put({ sql: { postgresUrl: 'postgres://reader@warehouse.example.com/sales' } });
    expect(plain.body.sql).toMatchObject({ databasePath: null, postgres: { url: 'postgres://reader@warehouse.example.com/sales', passwordSet: false } });
    expect((await put({ sql: { databasePath: customerDatabase } })).body.sql).toMatchObject({ databasePath: customerDatabase, postgres: null });
    expect((await put({ sql: { postgresUrl: PG_URL } })).body.sql).toMatchObject({ databasePath: null, postgres: { passwordSet: true } });
    expect((await put({ sql: { postgresUrl: null } })).body.sql).toEqual({ databasePath: null, postgres: null, allowWrites: false, timeoutMs: 10_000 });
    expect((await resolve({ store: serverStore, run: { id: 'run-pg' } as RunRecord })).sql).toBeUndefined();

    const audit = await serverStore.audit.list({ action: 'tools-settings-update' });
    expect(audit.items.map((entry) => entry.details)).toContainEqual({ changed: ['sql.postgresUrl', 'sql.allowWrites', 'sql.timeoutMs'] });
    expect(logLines.some((line) => line.includes('run tools settings updated') && line.includes('sql.postgresUrl'))).toBe(true);
    const everything = [...bodies.slice(firstBody), ...logLines, JSON.stringify(audit.items)].join('\n');
    expect(everything).not.toContain(PG_PASSWORD);
    expect(serverBytes().includes(Buffer.from(PG_PASSWORD))).toBe(false);
  });

  it('refuses hostile URLs and both databases at once with 400 naming sql.postgresUrl, storing nothing and echoing no password', async () => {
    await put({ sql: { databasePath: customerDatabase, allowWrites: false, timeoutMs: 2_000 } });
    const before = (await get()).body;
    const firstBody = bodies.length;
    const hostile: ReadonlyArray<readonly [string, unknown]> = [
      ['a mysql:// URL', `mysql://reader:${PG_PASSWORD}@warehouse.example.com/sales`],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['an http:// URL', `http://reader:${PG_PASSWORD}@warehouse.example.com/sales`],
      ['no host', 'postgres:///sales'],
      ['no host, with a password', `postgres://reader:${PG_PASSWORD}@/sales`],
      ['no database', `postgres://reader:${PG_PASSWORD}@warehouse.example.com`],
      ['an empty database', 'postgres://warehouse.example.com/'],
      ['10,000 characters', `postgres://reader:${PG_PASSWORD}@warehouse.example.com/${'a'.repeat(10_000)}`],
      ['a NUL', `postgres://reader:${PG_PASSWORD}@warehouse.example.com/sa\u0000les`],
      ['a newline', `postgres://reader:${PG_PASSWORD}@warehouse.example.com/sales\nDROP`],
      ['an escape character', `postgres://reader:${PG_PASSWORD}@warehouse.example.com/sa\u001bles`],
      ['a space', `postgres://reader:${PG_PASSWORD}@warehouse.example.com/my sales`],
      ['a Unix socket host', 'postgres://%2Fvar%2Frun%2Fpostgresql/sales'],
      ['a ?host= override', 'postgres://warehouse.example.com/sales?host=db.internal'],
      ['a ?password= option', `postgres://warehouse.example.com/sales?password=${PG_PASSWORD}`],
      ['a file-reading option', 'postgres://warehouse.example.com/sales?sslrootcert=/etc/shadow'],
      ['a number', 42],
      ['an object', { url: PG_URL }],
      ['an empty string', ''],
    ];
    for (const [name, postgresUrl] of hostile) {
      const answer = await put({ sql: { postgresUrl } });
      expect(answer.status, name).toBe(400);
      const error = answer.body.error as { code: string; details: { issues?: ReadonlyArray<{ path: string }> } };
      expect(error.code, name).toBe('invalid_input');
      expect(error.details.issues?.[0]?.path, name).toBe('sql.postgresUrl');
    }
    const both = await put({ sql: { databasePath: customerDatabase, postgresUrl: PG_URL } });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'sql.postgresUrl', message: expect.stringMatching(/not both/) }] } });
    expect((await get()).body).toEqual(before);
    expect(bodies.slice(firstBody).join('\n')).not.toContain(PG_PASSWORD);
    expect(logLines.join('\n')).not.toContain(PG_PASSWORD);
  });

  it("refuses a URL naming the server's own database however it is spelled, and allows its neighbours", async () => {
    const before = (await get()).body;
    for (const own of [
      'postgres://agent:server-db-pw@db.internal/agentgen',
      `postgresql://someone:${PG_PASSWORD}@DB.INTERNAL:5432/agentgen?sslmode=require`,
      'postgres://db.internal./agent%67en',
    ]) {
      const answer = await put({ sql: { postgresUrl: own } });
      expect(answer.status, own).toBe(400);
      expect(answer.body.error, own).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/server's own database \(users, password hashes, tokens\)/), details: { field: 'sql.postgresUrl' } });
      expect(JSON.stringify(answer.body), own).not.toMatch(/server-db-pw|Pg-5ecret/);
    }
    expect((await get()).body).toEqual(before);
    expect((await put({ sql: { postgresUrl: 'postgres://db.internal/reports' } })).status).toBe(200);
    expect((await put({ sql: { postgresUrl: 'postgres://db.internal:5433/agentgen' } })).status).toBe(200);
  });

  it('refuses new limits when no database is set, naming the database field', async () => {
    await put({ sql: { databasePath: null } });
    const answer = await put({ sql: { allowWrites: true } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', details: { field: 'sql.databasePath' } });
    expect((await get()).body.sql).toEqual({ databasePath: null, postgres: null, allowWrites: false, timeoutMs: 10_000 });
  });
});
