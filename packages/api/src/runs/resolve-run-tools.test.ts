// The run tools a run gets from the stored settings: nothing when none are stored, the unsealed
// search key and PostgreSQL URL, a new document after a change, and no SQL when the file was swapped
// for a link to the server's database, the URL now names it, or the URL's seal no longer opens.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord, Store } from '@agent-generator/contracts';
import { createStore } from '@agent-generator/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../routes/providers.routes.test-harness';
import { ToolsSettingsService } from '../services/tools-settings.service';
import { createStoreToolsResolver } from './resolve-run-tools';

const SECRET = 'a-resolve-run-tools-test-secret-of-32-chars';
const PG_PASSWORD = 'Pg-resolve-5ecret-81c3';
const CUSTOMER_URL = `postgres://reader:${PG_PASSWORD}@warehouse.example.com/sales?sslmode=require`;
const SERVER_URL = 'postgres://agent:server-pw@db.internal/agentgen';
let root: string;
let store: Store;
let serverDatabase: string;
let customerDatabase: string;
const logLines: string[] = [];
const run = { id: 'run-1' } as RunRecord;

beforeEach(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'ag-resolve-tools-')));
  mkdirSync(join(root, 'customer'));
  serverDatabase = join(root, 'server.db');
  store = await createStore({ databaseUrl: `sqlite:${serverDatabase}` });
  customerDatabase = join(root, 'customer', 'shop.db');
  const customer = await createStore({ databaseUrl: `sqlite:${customerDatabase}` });
  await customer.close();
  logLines.length = 0;
});
afterEach(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('createStoreToolsResolver', () => {
  it('gives nothing before anything is stored, then the stored tools with the key unsealed, and follows changes', async () => {
    const protectedLocations = { databaseFile: serverDatabase };
    const resolve = createStoreToolsResolver({ sessionSecret: SECRET, protectedLocations, logger: recordingLogger(logLines) });
    const service = new ToolsSettingsService({ store, sessionSecret: SECRET, logger: recordingLogger(logLines), protectedLocations });
    expect(await resolve({ store, run })).toEqual({});

    await service.update({ allowPrivateNetwork: true, sql: { databasePath: customerDatabase, timeoutMs: 3_000 }, search: { url: 'http://127.0.0.1:8888', apiKey: 'key-number-one-abcdef' } });
    expect(await resolve({ store, run })).toEqual({
      allowPrivateNetwork: true,
      sql: { kind: 'sqlite', databasePath: customerDatabase, allowWrites: false, timeoutMs: 3_000 },
      search: { url: 'http://127.0.0.1:8888', apiKey: 'key-number-one-abcdef' },
    });
    await service.update({ search: { url: 'http://127.0.0.1:9999', apiKey: 'key-number-two-abcdef' } });
    expect((await resolve({ store, run })).search).toEqual({ url: 'http://127.0.0.1:9999', apiKey: 'key-number-two-abcdef' });

    // A rotated SESSION_SECRET: the search stays, without a key it cannot open.
    const rotated = createStoreToolsResolver({ sessionSecret: `${SECRET}-rotated`, protectedLocations, logger: recordingLogger(logLines) });
    expect((await rotated({ store, run })).search).toEqual({ url: 'http://127.0.0.1:9999' });
    expect(logLines.join('\n')).not.toContain('key-number');
  });

  it('drops SQL for a run when the stored path now leads to the server database', async () => {
    const protectedLocations = { databaseFile: serverDatabase };
    const resolve = createStoreToolsResolver({ sessionSecret: SECRET, protectedLocations, logger: recordingLogger(logLines) });
    await new ToolsSettingsService({ store, sessionSecret: SECRET, logger: recordingLogger(logLines), protectedLocations }).update({ sql: { databasePath: customerDatabase } });
    expect((await resolve({ store, run })).sql).toMatchObject({ kind: 'sqlite', databasePath: customerDatabase });
    unlinkSync(customerDatabase);
    symlinkSync(serverDatabase, customerDatabase);
    expect((await resolve({ store, run })).sql).toBeUndefined();
    expect(logLines.some((line) => line.includes('cannot be used') && line.includes("server's own database"))).toBe(true);
  });

  it('gives a stored PostgreSQL URL to runs unsealed, with its limits, and follows a switch back to SQLite', async () => {
    const protectedLocations = { databaseFile: serverDatabase, databaseUrl: SERVER_URL };
    const resolve = createStoreToolsResolver({ sessionSecret: SECRET, protectedLocations, logger: recordingLogger(logLines) });
    const service = new ToolsSettingsService({ store, sessionSecret: SECRET, logger: recordingLogger(logLines), protectedLocations });
    await service.update({ sql: { postgresUrl: CUSTOMER_URL, allowWrites: true, timeoutMs: 7_000 } });
    expect((await resolve({ store, run })).sql).toEqual({ kind: 'postgres', url: CUSTOMER_URL, allowWrites: true, timeoutMs: 7_000 });
    await service.update({ sql: { timeoutMs: 2_000 } });
    expect((await resolve({ store, run })).sql).toEqual({ kind: 'postgres', url: CUSTOMER_URL, allowWrites: true, timeoutMs: 2_000 });
    await service.update({ sql: { databasePath: customerDatabase } });
    expect((await resolve({ store, run })).sql).toEqual({ kind: 'sqlite', databasePath: customerDatabase, allowWrites: true, timeoutMs: 2_000 });
    expect(logLines.join('\n')).not.toContain(PG_PASSWORD);
  });

  it('leaves SQL unset, with a warning that holds no URL, when the seal no longer opens or the URL now names the server database', async () => {
    const protectedLocations = { databaseFile: serverDatabase };
    await new ToolsSettingsService({ store, sessionSecret: SECRET, logger: recordingLogger(logLines), protectedLocations }).update({ sql: { postgresUrl: CUSTOMER_URL } });

    const rotated = createStoreToolsResolver({ sessionSecret: `${SECRET}-rotated`, protectedLocations, logger: recordingLogger(logLines) });
    expect((await rotated({ store, run })).sql).toBeUndefined();
    expect(logLines.some((line) => line.includes('"warn"') && line.includes('PostgreSQL URL no longer opens'))).toBe(true);

    // The server moved onto the very database the admin had chosen (DATABASE_URL changed).
    const moved = createStoreToolsResolver({ sessionSecret: SECRET, protectedLocations: { databaseUrl: 'postgres://agent:other@Warehouse.Example.com:5432/sales' }, logger: recordingLogger(logLines) });
    expect((await moved({ store, run })).sql).toBeUndefined();
    expect(logLines.some((line) => line.includes('cannot be used') && line.includes("server's own database"))).toBe(true);
    const everything = logLines.join('\n');
    expect(everything).not.toContain(PG_PASSWORD);
    expect(everything).not.toContain('warehouse.example.com');
  });

  it('reads a document stored before PostgreSQL (a SQLite path without a kind) as that SQLite file', async () => {
    await store.settings.put({ scope: 'run-tools', value: { allowPrivateNetwork: false, sql: { databasePath: customerDatabase, allowWrites: false, timeoutMs: 4_000 }, search: null } });
    const protectedLocations = { databaseFile: serverDatabase };
    const resolve = createStoreToolsResolver({ sessionSecret: SECRET, protectedLocations, logger: recordingLogger(logLines) });
    expect((await resolve({ store, run })).sql).toEqual({ kind: 'sqlite', databasePath: customerDatabase, allowWrites: false, timeoutMs: 4_000 });
    const view = await new ToolsSettingsService({ store, sessionSecret: SECRET, logger: recordingLogger(logLines), protectedLocations }).get();
    expect(view.sql).toEqual({ databasePath: customerDatabase, postgres: null, allowWrites: false, timeoutMs: 4_000 });
  });
});
