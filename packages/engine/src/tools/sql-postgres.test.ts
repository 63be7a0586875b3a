import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { noSignal } from './local-http.test-support';
import { usePostgres } from './sql-postgres.test-support';
import { createSqlQueryTool } from './sql-query';

const postgres = usePostgres();

const tool = (options: { readonly allowWrites?: boolean; readonly url?: string } = {}) =>
  createSqlQueryTool({ description: 'SQL', sql: { kind: 'postgres', url: options.url ?? postgres().url, allowWrites: options.allowWrites ?? false } });

async function customers(table: string): Promise<void> {
  await postgres().admin.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, name text NOT NULL, balance numeric(10, 2))`);
  await postgres().admin.query(`INSERT INTO ${table} (name, balance) VALUES ('Ada', 12.5), ('Linus', NULL)`);
}

const count = async (table: string): Promise<number> => Number((await postgres().admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

describe('sql_query on PostgreSQL: reading', () => {
  it('answers a SELECT as a table, each kind of value as readable text', async () => {
    await customers('read_table');
    expect(await tool().execute({ query: 'SELECT name, balance FROM read_table ORDER BY id' }, noSignal())).toEqual({ content: 'name | balance\nAda | 12.50\nLinus | NULL', isError: false });
    const query = `SELECT 42 AS int4, 9007199254740993::int8 AS int8, 1.5::float8 AS float, true AS bool, DATE '2024-02-29' AS day,
      TIMESTAMP '2024-02-29 23:30:00' AS local_time, TIMESTAMPTZ '2024-02-29 23:30:00+02' AS instant, INTERVAL '1 day 2 hours' AS span,
      '\\x00ff10'::bytea AS bytes, '{"a": [1, null]}'::jsonb AS doc, ARRAY[1, 2] AS list, NULL::text AS nothing`;
    const outcome = await tool().execute({ query }, noSignal());
    expect(outcome.content.split('\n')).toEqual([
      'int4 | int8 | float | bool | day | local_time | instant | span | bytes | doc | list | nothing',
      '42 | 9007199254740993 | 1.5 | true | 2024-02-29 | 2024-02-29 23:30:00 | 2024-02-29T21:30:00.000Z | 1 day 02:00:00 | <3 bytes> | {"a":[1,null]} | [1,2] | NULL',
    ]);
  });

  it('says so when a query finds no rows', async () => {
    await customers('empty_answer');
    expect(await tool().execute({ query: "SELECT id, name FROM empty_answer WHERE name = 'nobody'" }, noSignal())).toEqual({ content: 'no rows (columns: id, name)', isError: false });
  });

  it('caps the rows at 200 and never computes the rows past the cap', async () => {
    const capped = await tool().execute({ query: 'SELECT i FROM generate_series(1, 1000000) AS i' }, noSignal());
    expect(capped.content.split('\n')).toHaveLength(1 + 200 + 1);
    expect(capped.content).toMatch(/\n200\n\[only the first 200 rows are shown\]$/);
    // Row 202 would divide by zero: had the whole result been pulled, this would be an error.
    const lazy = await tool().execute({ query: 'SELECT i, 1 / (202 - i) AS x FROM generate_series(1, 1000) AS i' }, noSignal());
    expect(lazy).toMatchObject({ isError: false, content: expect.stringMatching(/\[only the first 200 rows are shown\]$/) });
    expect((await tool().execute({ query: 'SELECT i FROM generate_series(1, 200) AS i' }, noSignal())).content).not.toContain('only the first');
    expect((await tool().execute({ query: 'SELECT i FROM generate_series(1, 201) AS i' }, noSignal())).content).toContain('only the first 200');
  });

  it('reports PostgreSQL errors with its own message and hint', async () => {
    await customers('bad_sql');
    expect(await tool().execute({ query: 'SELECT nme FROM bad_sql' }, noSignal())).toEqual({
      content: 'error: PostgreSQL refused the statement: column "nme" does not exist; hint: Perhaps you meant to reference the column "bad_sql.name".',
      isError: true,
    });
    expect(await tool().execute({ query: 'SELEC 1' }, noSignal())).toEqual({ content: 'error: PostgreSQL refused the statement: syntax error at or near "SELEC"', isError: true });
    expect(await tool().execute({ query: '-- only a comment' }, noSignal())).toEqual({ content: 'error: PostgreSQL refused the statement: the statement is empty', isError: true });
  });
});

describe('sql_query on PostgreSQL: read-only unless writes are allowed', () => {
  it.each([
    ['INSERT', "INSERT INTO ro_TABLE (name) VALUES ('Mallory')"],
    ['UPDATE', 'UPDATE ro_TABLE SET balance = 0'],
    ['DELETE', 'DELETE FROM ro_TABLE'],
    ['DROP', 'DROP TABLE ro_TABLE'],
    ['CREATE', 'CREATE TABLE ro_TABLE_copy (x int)'],
    ['TRUNCATE', 'TRUNCATE ro_TABLE'],
    ['nextval', "SELECT nextval('ro_TABLE_id_seq')"],
    ['a writing CTE', "WITH gone AS (DELETE FROM ro_TABLE RETURNING id) SELECT count(*) FROM gone"],
    ['a DO block', 'DO $$ BEGIN DELETE FROM ro_TABLE; END $$'],
  ])('PostgreSQL itself refuses %s', async (label, template) => {
    const table = `ro_${label.replace(/\W/g, '_').toLowerCase()}`;
    await customers(table);
    const outcome = await tool().execute({ query: template.replaceAll('ro_TABLE', table) }, noSignal());
    expect(outcome).toEqual({ content: expect.stringContaining('error: the database is read-only for this run: PostgreSQL refused a statement that writes'), isError: true });
    expect(await count(table)).toBe(2);
    const sequence = await postgres().admin.query(`SELECT last_value FROM ${table}_id_seq`);
    expect(sequence.rows).toEqual([{ last_value: '2' }]);
    expect((await postgres().admin.query('SELECT 1 FROM pg_tables WHERE tablename = $1', [`${table}_copy`])).rowCount).toBe(0);
  });

  it('writes when writes are allowed and counts the rows changed', async () => {
    await customers('rw_table');
    const writer = tool({ allowWrites: true });
    expect(await writer.execute({ query: "INSERT INTO rw_table (name) VALUES ('Grace'), ('Edsger'), ('Barbara')" }, noSignal())).toEqual({ content: '3 row(s) changed', isError: false });
    expect(await writer.execute({ query: 'UPDATE rw_table SET balance = 1 WHERE balance IS NULL' }, noSignal())).toEqual({ content: '4 row(s) changed', isError: false });
    expect(await writer.execute({ query: "INSERT INTO rw_table (name) VALUES ('Alan') RETURNING id, name" }, noSignal())).toEqual({ content: 'id | name\n6 | Alan', isError: false });
    expect(await writer.execute({ query: 'CREATE TABLE rw_table_log (line text)' }, noSignal())).toEqual({ content: '0 row(s) changed', isError: false });
    expect(await count('rw_table')).toBe(6);
    expect(await count('rw_table_log')).toBe(0);
  });

  it('rolls a failing write back whole', async () => {
    await customers('rw_rollback');
    const outcome = await tool({ allowWrites: true }).execute({ query: "INSERT INTO rw_rollback (name) SELECT 'n' || i FROM generate_series(1, 5) AS i UNION ALL SELECT NULL" }, noSignal());
    expect(outcome).toEqual({ content: expect.stringContaining('error: PostgreSQL refused the statement: null value in column "name" of relation "rw_rollback" violates not-null constraint'), isError: true });
    expect(await count('rw_rollback')).toBe(2);
  });

  it('refuses COPY FROM STDIN without hanging: it has no data to send', async () => {
    await customers('copy_in');
    const outcome = await tool({ allowWrites: true }).execute({ query: 'COPY copy_in (name) FROM STDIN' }, noSignal());
    expect(outcome).toEqual({ content: expect.stringContaining('PostgreSQL refused the statement: COPY … FROM STDIN needs data that sql_query cannot send: use INSERT instead'), isError: true });
    expect(await count('copy_in')).toBe(2);
  });

  it('refuses COPY TO STDOUT: rows are read with SELECT', async () => {
    await customers('copy_out');
    expect(await tool().execute({ query: 'COPY copy_out TO STDOUT' }, noSignal())).toEqual({ content: 'error: PostgreSQL refused the statement: COPY … TO STDOUT is not supported: use SELECT to read rows', isError: true });
  });
});

describe('sql_query on PostgreSQL: one statement only', () => {
  it('refuses several statements at once, even with writes allowed', async () => {
    await customers('multi');
    const outcome = await tool({ allowWrites: true }).execute({ query: 'SELECT 1; DROP TABLE multi' }, noSignal());
    expect(outcome).toEqual({ content: 'error: PostgreSQL refused the statement: cannot insert multiple commands into a prepared statement', isError: true });
    expect(await count('multi')).toBe(2);
  });

  // Why sql_query sends Parse/Bind/Execute itself: node-postgres uses the simple protocol, which runs every
  // statement of the text, for a plain text query and also for `{ text, values: [] }` (only non-empty values prepare).
  it('would run both statements through client.query(text) and client.query({ text, values: [] })', async () => {
    await customers('simple_a');
    await customers('simple_b');
    const client = new pg.Client({ connectionString: postgres().adminUrl });
    await client.connect();
    try {
      await client.query('SELECT 1; DROP TABLE simple_a');
      await client.query({ text: 'SELECT 1; DROP TABLE simple_b', values: [] });
      await expect(client.query({ text: 'SELECT $1::int; DROP TABLE simple_b', values: [1] })).rejects.toThrow('cannot insert multiple commands into a prepared statement');
    } finally {
      await client.end();
    }
    const left = await postgres().admin.query("SELECT tablename FROM pg_tables WHERE tablename LIKE 'simple_%'");
    expect(left.rows).toEqual([]);
  });
});

describe('sql_query on PostgreSQL: hostile input', () => {
  it('runs a query of the full 20,000 characters and refuses a longer one', async () => {
    const filler = 'x'.repeat(20_000 - "SELECT length('') AS n".length);
    expect(await tool().execute({ query: `SELECT length('${filler}') AS n` }, noSignal())).toEqual({ content: `n\n${filler.length}`, isError: false });
    const tooLong = await tool().execute({ query: `SELECT length('${filler}x') AS n` }, noSignal());
    expect(tooLong).toMatchObject({ isError: true, content: expect.stringContaining('invalid arguments for sql_query') });
  });

  it('refuses a NUL character with a clear message', async () => {
    expect(await tool().execute({ query: "SELECT 'a\0b'" }, noSignal())).toEqual({ content: 'error: the query contains a NUL character (\\0), which PostgreSQL does not accept in a statement', isError: true });
  });

  it('reads Unicode identifiers and values, and names a missing one in its error', async () => {
    await postgres().admin.query('CREATE TABLE "顧客" ("名前" text, "città" text)');
    await postgres().admin.query(`INSERT INTO "顧客" VALUES ('エイダ 🚀', 'Zürich')`);
    expect(await tool().execute({ query: 'SELECT "名前", "città" FROM "顧客"' }, noSignal())).toEqual({ content: '名前 | città\nエイダ 🚀 | Zürich', isError: false });
    expect(await tool().execute({ query: 'SELECT * FROM "存在しない"' }, noSignal())).toEqual({ content: 'error: PostgreSQL refused the statement: relation "存在しない" does not exist', isError: true });
  });
});
