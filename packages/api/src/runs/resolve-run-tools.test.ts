// The run tools a run gets from the stored settings: nothing when none are stored, the unsealed
// search key, a new document after a change, and no SQL when the file was swapped for a link to the server's database.
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
      sql: { databasePath: customerDatabase, allowWrites: false, timeoutMs: 3_000 },
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
    expect((await resolve({ store, run })).sql?.databasePath).toBe(customerDatabase);
    unlinkSync(customerDatabase);
    symlinkSync(serverDatabase, customerDatabase);
    expect((await resolve({ store, run })).sql).toBeUndefined();
    expect(logLines.some((line) => line.includes('cannot be used') && line.includes("server's own database"))).toBe(true);
  });
});
