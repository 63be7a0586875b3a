import { describe, expect, it } from 'vitest';
import { postgresStatementHasSideEffects } from './sql-postgres-side-effects';
import { createSqlQueryTool } from './sql-query';

describe('postgresStatementHasSideEffects', () => {
  it.each([
    'SELECT name FROM customers',
    '  select 1',
    '-- the biggest\nSELECT max(balance) FROM customers',
    '/* outer /* nested */ still a comment */ SELECT 1',
    'WITH recent AS (SELECT * FROM orders) SELECT count(*) FROM recent',
    'SHOW search_path',
    'VALUES (1), (2)',
    'TABLE customers',
    'EXPLAIN SELECT * FROM customers',
    'EXPLAIN (FORMAT JSON) SELECT 1',
    'SELECT 1;',
    'SELECT currval(\'orders_id_seq\')',
    'SELECT created_at, updated_at FROM customers',
  ])('reads only: %s', (query) => {
    expect(postgresStatementHasSideEffects(query)).toBe(false);
  });

  it.each([
    "INSERT INTO customers (name) VALUES ('x')",
    'UPDATE customers SET balance = 0',
    'DELETE FROM customers',
    'MERGE INTO customers USING staging ON true WHEN MATCHED THEN DO NOTHING',
    'DROP TABLE customers',
    'CREATE TABLE t (x int)',
    'TRUNCATE customers',
    'COPY customers TO STDOUT',
    'DO $$ BEGIN PERFORM 1; END $$',
    'CALL refresh()',
    'VACUUM customers',
    'SET search_path = evil',
    'WITH gone AS (DELETE FROM customers RETURNING *) SELECT * FROM gone',
    'WITH moved AS (INSERT INTO archive SELECT * FROM customers RETURNING 1) SELECT count(*) FROM moved',
    'SELECT * INTO copy_of_customers FROM customers',
    'SELECT * FROM customers FOR UPDATE',
    'SELECT * FROM customers FOR KEY SHARE',
    'EXPLAIN ANALYZE DELETE FROM customers',
    'EXPLAIN ANALYZE SELECT 1',
    'EXPLAIN (ANALYSE, BUFFERS) SELECT 1',
    "SELECT nextval('orders_id_seq')",
    "SELECT pg_catalog.setval('orders_id_seq', 1)",
    'SELECT NEXTVAL (\'orders_id_seq\')',
    'SELECT "nextval"(\'orders_id_seq\')',
    'SELECT pg_terminate_backend(123)',
    'SELECT pg_cancel_backend(123)',
    "SELECT dblink_exec('dbname=other', 'DROP TABLE x')",
    "SELECT * FROM dblink('dbname=other', 'SELECT 1') AS t(x int)",
    "SELECT lo_unlink(1234)",
    "SELECT lo_import('/etc/passwd')",
    'SELECT pg_advisory_lock(1)',
    'SELECT pg_try_advisory_xact_lock(1)',
    "SELECT set_config('search_path', 'evil', false)",
    'SELECT pg_reload_conf()',
    'SELECT pg_sleep(10)',
    "SELECT pg_notify('channel', 'hello')",
    "SELECT pg_create_restore_point('x')",
    'SELECT U&"\\006Eextval"(\'orders_id_seq\')',
    'SELECT 1; DELETE FROM customers',
    'SELECT 1; SELECT 2',
    '/* SELECT */ DELETE FROM customers',
    '/* /* */ SELECT */ DROP TABLE customers',
    '/* never closed SELECT 1',
    '-- only a comment',
    '(SELECT 1)',
    '',
  ])('may act: %s', (query) => {
    expect(postgresStatementHasSideEffects(query)).toBe(true);
  });
});

describe('sql_query side effects on PostgreSQL', () => {
  const url = 'postgres://reader:secret@127.0.0.1:5432/shop';

  it('has none when writes are not allowed: the READ ONLY transaction is the guard', () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { kind: 'postgres', url } });
    expect(tool.hasSideEffects({ query: 'DELETE FROM customers' })).toBe(false);
    expect(tool.hasSideEffects({ query: "SELECT nextval('s')" })).toBe(false);
  });

  it('classifies each statement by its text when writes are allowed', () => {
    const tool = createSqlQueryTool({ description: 'SQL', sql: { kind: 'postgres', url, allowWrites: true } });
    expect(tool.hasSideEffects({ query: 'DELETE FROM customers' })).toBe(true);
    expect(tool.hasSideEffects({ query: "SELECT nextval('s')" })).toBe(true);
    expect(tool.hasSideEffects({ query: 'SELECT * FROM customers' })).toBe(false);
  });
});
