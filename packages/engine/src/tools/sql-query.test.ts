import Database from 'better-sqlite3';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noSignal } from './local-http.test-support';
import { createSqlQueryTool } from './sql-query';

let folder = '';
let databasePath = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'engine-sql-'));
  databasePath = join(folder, 'shop.sqlite');
  const database = new Database(databasePath);
  database.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, balance REAL); INSERT INTO customers (name, balance) VALUES ('Ada', 12.5), ('Linus', NULL);");
  database.close();
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const count = (): unknown => {
  const database = new Database(databasePath, { readonly: true });
  try {
    return database.prepare('SELECT count(*) AS n FROM customers').get();
  } finally {
    database.close();
  }
};

describe('sql_query', () => {
  it('answers a SELECT as a table', async () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { databasePath } });
    expect(await tool.execute({ query: 'SELECT name, balance FROM customers ORDER BY id' }, noSignal())).toEqual({ content: 'name | balance\nAda | 12.5\nLinus | NULL', isError: false });
    expect(tool.hasSideEffects({ query: 'DELETE FROM customers' })).toBe(false);
  });

  it.each([
    'INSERT INTO customers (name) VALUES (\'Mallory\')',
    'DELETE FROM customers',
    'DROP TABLE customers',
    'UPDATE customers SET balance = 0',
    'PRAGMA user_version = 7',
    'VACUUM',
    `ATTACH DATABASE 'evil.sqlite' AS evil`,
    'CREATE TABLE t (x)',
  ])('refuses %s in read-only mode', async (query) => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { databasePath } });
    const outcome = await tool.execute({ query }, noSignal());
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(/read-only|SQLite refused|are refused/);
    expect(count()).toEqual({ n: 2 });
    expect(await readdir(folder)).toEqual(['shop.sqlite']);
  });

  it.each([
    "VACUUM INTO 'FOLDER/copy.sqlite'",
    "  /* a comment */ vacuum into 'FOLDER/copy.sqlite'",
    "-- note\nATTACH DATABASE 'FOLDER/other.sqlite' AS other",
    'DETACH DATABASE main',
  ])('refuses %s even with writes allowed: no other file is touched', async (query) => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { databasePath, allowWrites: true } });
    const outcome = await tool.execute({ query: query.replace('FOLDER', folder) }, noSignal());
    expect(outcome).toMatchObject({ isError: true, content: expect.stringContaining('ATTACH, DETACH and VACUUM are refused') });
    expect(await readdir(folder)).toEqual(['shop.sqlite']);
  });

  it('refuses several statements at once', async () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { databasePath, allowWrites: true } });
    const outcome = await tool.execute({ query: "SELECT 1; DELETE FROM customers" }, noSignal());
    expect(outcome).toMatchObject({ isError: true, content: expect.stringContaining('more than one statement') });
    expect(count()).toEqual({ n: 2 });
  });

  it('writes when writes are allowed, and marks only writing statements as side effects', async () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { databasePath, allowWrites: true } });
    expect(tool.hasSideEffects({ query: "INSERT INTO customers (name) VALUES ('Grace')" })).toBe(true);
    expect(tool.hasSideEffects({ query: 'SELECT * FROM customers' })).toBe(false);
    expect(await tool.execute({ query: "INSERT INTO customers (name) VALUES ('Grace')" }, noSignal())).toEqual({ content: '1 row(s) changed', isError: false });
    expect(count()).toEqual({ n: 3 });
  });

  it('kills a runaway query at the time limit', async () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { databasePath, timeoutMs: 500 } });
    const started = performance.now();
    const outcome = await tool.execute({ query: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r' }, noSignal());
    expect(outcome).toEqual({ content: 'error: the query ran longer than 0.5 s and was stopped', isError: true });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops a running query when the run is cancelled', async () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { databasePath } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 200);
    await expect(tool.execute({ query: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r' }, { signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('caps the rows it returns', async () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { databasePath } });
    const outcome = await tool.execute({ query: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r' }, noSignal());
    expect(outcome.content.split('\n')).toHaveLength(1 + 200 + 1);
    expect(outcome.content).toMatch(/\[only the first 200 rows are shown\]$/);
  });

  it("treats kind 'sqlite' like a configuration without a kind", async () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { kind: 'sqlite', databasePath } });
    expect(await tool.execute({ query: 'SELECT count(*) AS n FROM customers' }, noSignal())).toEqual({ content: 'n\n2', isError: false });
    expect(await tool.execute({ query: 'DELETE FROM customers' }, noSignal())).toEqual({ content: 'error: the database is read-only for this run: only statements that read (SELECT, read-only PRAGMA, EXPLAIN) are allowed', isError: true });
    expect(count()).toEqual({ n: 2 });
  });

  it('says it is not configured without a database', async () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: undefined });
    expect(await tool.execute({ query: 'SELECT 1' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('not configured') });
  });
});
