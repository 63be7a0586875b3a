import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { noSignal } from './local-http.test-support';
import { ANALYST, remainingBackends, urlAs, usePostgres } from './sql-postgres.test-support';
import { createSqlQueryTool } from './sql-query';

const postgres = usePostgres();
const PASSWORD = 'R0le p@ss:w/rd%5e';
const ADVICE = 'so sql_query does not use it; give sql_query a role with only the rights it needs (see the Run tools settings)';

const tool = (url: string, allowWrites = false) => createSqlQueryTool({ description: 'SQL', sql: { kind: 'postgres', url, allowWrites } });

/** A fresh LOGIN role (trust authentication on loopback lets it in) granted `roles`; answers its URL. */
async function loginRole(name: string, roles: readonly string[]): Promise<string> {
  const { admin, adminUrl } = postgres();
  await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD ${pg.escapeLiteral(PASSWORD)}`);
  for (const role of roles) await admin.query(`GRANT ${role} TO ${name}`);
  return urlAs(adminUrl, { name, password: PASSWORD });
}

/** A folder the server's account may write to, so a program the server runs could leave a file there. */
const markers = mkdtempSync(join(tmpdir(), 'ag-sql-role-'));
chmodSync(markers, 0o777);
afterAll(() => rmSync(markers, { recursive: true, force: true }));

async function expectRefused(outcome: { content: string; isError: boolean }, reason: string): Promise<void> {
  expect(outcome).toEqual({ content: `error: ${reason}, ${ADVICE}`, isError: true });
  expect(outcome.content).not.toContain(PASSWORD);
  expect(outcome.content).not.toContain(encodeURIComponent(PASSWORD));
  expect(await remainingBackends(postgres().admin)).toEqual([]);
}

describe('sql_query on PostgreSQL: a role that could reach the server is refused', () => {
  it.each([
    ['a READ ONLY transaction', false, (command: string) => `COPY (SELECT 1) TO PROGRAM '${command}'`],
    ['writes allowed, hidden in a DO block', true, (command: string) => `DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '${command}'); END $$`],
  ])('refuses the superuser before the statement runs (%s): no program runs on the server', async (_label, allowWrites, statement) => {
    const marker = join(markers, `superuser-${String(allowWrites)}`);
    const superuserUrl = urlAs(postgres().adminUrl, { name: 'postgres', password: PASSWORD });
    const outcome = await tool(superuserUrl, allowWrites).execute({ query: statement(`touch ${marker}`) }, noSignal());
    expect(existsSync(marker)).toBe(false);
    await expectRefused(outcome, 'the PostgreSQL role "postgres" is a superuser: it could run programs and read or write files on the database server');
    // The same statement through an ordinary superuser connection does leave the file: the check above could fail.
    await postgres().admin.query(statement(`touch ${marker}`));
    expect(existsSync(marker)).toBe(true);
  });

  it.each([
    ['pg_execute_server_program', 'run programs'],
    ['pg_write_server_files', 'write files'],
    ['pg_read_server_files', 'read files'],
  ])('refuses a role granted %s', async (role, power) => {
    const url = await loginRole(`holds_${role}`, [role]);
    const outcome = await tool(url).execute({ query: 'SELECT current_user AS who' }, noSignal());
    await expectRefused(outcome, `the PostgreSQL role "holds_${role}" is a member of ${role}: it could ${power} on the database server`);
  });

  it('refuses a role that holds one of them through another role, even with writes allowed', async () => {
    await postgres().admin.query('CREATE ROLE file_writers NOLOGIN');
    await postgres().admin.query('GRANT pg_write_server_files TO file_writers');
    const url = await loginRole('in_file_writers', ['file_writers']);
    const outcome = await tool(url, true).execute({ query: 'SELECT current_user AS who' }, noSignal());
    await expectRefused(outcome, 'the PostgreSQL role "in_file_writers" is a member of pg_write_server_files: it could write files on the database server');
  });

  it('names every one of them a role holds', async () => {
    const url = await loginRole('holds_all', ['pg_execute_server_program', 'pg_write_server_files', 'pg_read_server_files']);
    const outcome = await tool(url).execute({ query: 'SELECT 1' }, noSignal());
    await expectRefused(
      outcome,
      'the PostgreSQL role "holds_all" is a member of pg_execute_server_program, pg_write_server_files and pg_read_server_files: it could run programs, write files and read files on the database server',
    );
  });

  it('refuses a role that may create roles: it could grant itself pg_execute_server_program within one statement', async () => {
    const marker = join(markers, 'createrole');
    await postgres().admin.query(`CREATE ROLE makes_roles LOGIN CREATEROLE PASSWORD ${pg.escapeLiteral(PASSWORD)}`);
    const url = urlAs(postgres().adminUrl, { name: 'makes_roles', password: PASSWORD });
    const query = `DO $$ BEGIN GRANT pg_execute_server_program TO makes_roles; EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'touch ${marker}'); END $$`;
    const outcome = await tool(url, true).execute({ query }, noSignal());
    expect(existsSync(marker)).toBe(false);
    await expectRefused(
      outcome,
      'the PostgreSQL role "makes_roles" may create roles (CREATEROLE): before PostgreSQL 16 it could grant itself pg_execute_server_program, then run programs and read or write files on the database server',
    );
    const granted = await postgres().admin.query("SELECT 1 FROM pg_auth_members WHERE member = 'makes_roles'::regrole");
    expect(granted.rowCount).toBe(0);
  });

  it('refuses a role that may SET ROLE to a superuser', async () => {
    await postgres().admin.query('CREATE ROLE stand_in SUPERUSER NOLOGIN');
    const url = await loginRole('may_become_superuser', ['stand_in']);
    const outcome = await tool(url).execute({ query: 'SELECT current_user AS who' }, noSignal());
    await expectRefused(outcome, 'the PostgreSQL role "may_become_superuser" is a member of the superuser role "stand_in": it could run programs and read or write files on the database server');
  });
});

describe('sql_query on PostgreSQL: a plain role', () => {
  it('reads, and writes when writes are allowed', async () => {
    const query = 'SELECT current_user AS who, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user';
    expect(await tool(postgres().url).execute({ query }, noSignal())).toEqual({ content: `who | superuser\n${ANALYST} | false`, isError: false });
    expect(await tool(postgres().url, true).execute({ query: 'CREATE TABLE plain_role_log (line text)' }, noSignal())).toEqual({ content: '0 row(s) changed', isError: false });
    const owner = await postgres().admin.query("SELECT tableowner FROM pg_tables WHERE tablename = 'plain_role_log'");
    expect(owner.rows).toEqual([{ tableowner: ANALYST }]);
  });

  it('is not held back by rights that stay inside the database', async () => {
    const url = await loginRole('reads_everything', ['pg_read_all_data', 'pg_monitor']);
    expect(await tool(url).execute({ query: 'SELECT current_user AS who' }, noSignal())).toEqual({ content: 'who\nreads_everything', isError: false });
  });
});
