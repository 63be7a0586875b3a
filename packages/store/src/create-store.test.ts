// createStore on SQLite files and unreachable servers: folders, WAL, restarts, operational errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { OperationalError } from '@agent-generator/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from './create-store';
import { MIGRATIONS } from './migrations';

const VERSIONS = MIGRATIONS.map((migration) => migration.version).sort();

const directory = mkdtempSync(join(tmpdir(), 'ag-create-store-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('createStore on SQLite', () => {
  it('creates missing folders, uses WAL, and keeps data and migrations across restarts', async () => {
    const filename = join(directory, 'nested', 'folder', 'app.db');
    const first = await createStore({ databaseUrl: `sqlite:${filename}` });
    expect(first.kind).toBe('sqlite');
    await first.users.create({ email: 'ada@example.com', name: 'Ada', role: 'admin' });
    await first.close();

    const raw = new BetterSqlite3(filename, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('select version from schema_migrations order by version').pluck().all()).toEqual(VERSIONS);
    raw.close();

    const second = await createStore({ databaseUrl: filename });
    expect(await second.appliedMigrations()).toEqual(VERSIONS);
    expect((await second.users.findByEmail('ADA@example.com'))?.name).toBe('Ada');
    await second.close();
  });

  it('works in memory', async () => {
    const store = await createStore({ databaseUrl: ':memory:' });
    await store.ping();
    expect(await store.users.count()).toBe(0);
    await store.close();
  });

  it('reports a database that cannot be opened as an operational error', async () => {
    const corrupt = join(directory, 'corrupt.db');
    writeFileSync(corrupt, 'this is not a SQLite database file, just text that is long enough to matter'.repeat(20));
    await expect(createStore({ databaseUrl: corrupt })).rejects.toMatchObject({ name: 'OperationalError', code: 'unavailable' });
  });
});

describe('createStore on an unreachable Postgres', () => {
  it('fails fast with OperationalError unavailable, naming no password', async () => {
    const attempt = createStore({ databaseUrl: 'postgres://user:s3cret@127.0.0.1:1/app' });
    await expect(attempt).rejects.toBeInstanceOf(OperationalError);
    await expect(attempt).rejects.toMatchObject({ code: 'unavailable' });
    await attempt.catch((error: Error) => expect(error.message).not.toContain('s3cret'));
  });
});
