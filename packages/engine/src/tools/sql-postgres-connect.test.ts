import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { noSignal } from './local-http.test-support';
import { usePostgres } from './sql-postgres.test-support';
import { createSqlQueryTool } from './sql-query';

const postgres = usePostgres();
const PASSWORD = 'S3cret p@ss:w/rd%!';
const WRONG_PASSWORD = 'Wr0ng p@ss:w/rd%?';

const tool = (url: string, timeoutMs?: number) =>
  createSqlQueryTool({ description: 'SQL', sql: { kind: 'postgres', url, ...(timeoutMs === undefined ? {} : { timeoutMs }) } });

/** alice's URL for the test database, the password percent-encoded as a URL needs it. */
function aliceUrl(password: string, changes: { readonly port?: number; readonly database?: string } = {}): string {
  const { host, port } = postgres().cluster;
  const database = changes.database ?? new URL(postgres().url).pathname.slice(1);
  return `postgres://alice:${encodeURIComponent(password)}@${host}:${changes.port ?? port}/${database}`;
}

function expectNoPassword(text: string): void {
  for (const secret of [PASSWORD, WRONG_PASSWORD, encodeURIComponent(PASSWORD), encodeURIComponent(WRONG_PASSWORD)]) expect(text).not.toContain(secret);
}

// The test cluster trusts every loopback login; alice must prove her password (SCRAM) for these tests to mean anything.
beforeAll(async () => {
  const { admin } = postgres();
  await admin.query(`CREATE ROLE alice LOGIN PASSWORD ${pg.escapeLiteral(PASSWORD)}`);
  await admin.query('GRANT pg_read_all_data TO alice');
  const hbaFile = (await admin.query<{ hba_file: string }>('SHOW hba_file')).rows[0]?.hba_file ?? '';
  const lines = ['local all all trust', 'host all postgres 127.0.0.1/32 trust', 'host all all 127.0.0.1/32 scram-sha-256'];
  await admin.query(`COPY (SELECT unnest(ARRAY[${lines.map((line) => pg.escapeLiteral(line)).join(', ')}])) TO ${pg.escapeLiteral(hbaFile)}`);
  await admin.query('SELECT pg_reload_conf()');
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const probe = new pg.Client({ connectionString: aliceUrl(WRONG_PASSWORD) });
    const refused = await probe.connect().then(() => false, () => true);
    await probe.end().catch(() => undefined);
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server still accepts a wrong password');
});

describe('sql_query on PostgreSQL: connecting', () => {
  it('connects with the right password', async () => {
    expect(await tool(aliceUrl(PASSWORD)).execute({ query: 'SELECT current_user AS who' }, noSignal())).toEqual({ content: 'who\nalice', isError: false });
  });

  it('names the server but never the password when the password is wrong', async () => {
    const outcome = await tool(aliceUrl(WRONG_PASSWORD)).execute({ query: 'SELECT 1' }, noSignal());
    const database = new URL(postgres().url).pathname.slice(1);
    expect(outcome).toEqual({
      content: `error: could not connect to PostgreSQL at 127.0.0.1:${postgres().cluster.port}, database "${database}": password authentication failed for user "alice"`,
      isError: true,
    });
    expectNoPassword(outcome.content);
  });

  it('names a missing database', async () => {
    const outcome = await tool(aliceUrl(PASSWORD, { database: 'no_such_db' })).execute({ query: 'SELECT 1' }, noSignal());
    expect(outcome).toEqual({ content: `error: could not connect to PostgreSQL at 127.0.0.1:${postgres().cluster.port}, database "no_such_db": database "no_such_db" does not exist`, isError: true });
  });

  it('names a port where nothing listens, without the password', async () => {
    const closed = await unusedPort();
    const outcome = await tool(aliceUrl(PASSWORD, { port: closed })).execute({ query: 'SELECT 1' }, noSignal());
    expect(outcome.content).toMatch(new RegExp(`^error: could not connect to PostgreSQL at 127\\.0\\.0\\.1:${closed}, database "[a-z0-9_]+": connect ECONNREFUSED 127\\.0\\.0\\.1:${closed}$`));
    expectNoPassword(outcome.content);
  });

  it('gives up on a server that accepts the connection but never answers', async () => {
    const silent = await silentServer();
    try {
      const outcome = await tool(aliceUrl(PASSWORD, { port: silent.port }), 500).execute({ query: 'SELECT 1' }, noSignal());
      expect(outcome).toMatchObject({ isError: true, content: expect.stringMatching(new RegExp(`^error: could not connect to PostgreSQL at 127\\.0\\.0\\.1:${silent.port}, .*timeout`)) });
      expectNoPassword(outcome.content);
    } finally {
      await silent.close();
    }
  });

  it('keeps the password out of PostgreSQL error text too', async () => {
    const outcome = await tool(aliceUrl(PASSWORD)).execute({ query: `SELECT ${pg.escapeLiteral(PASSWORD)}::int` }, noSignal());
    expect(outcome).toEqual({ content: 'error: PostgreSQL refused the statement: invalid input syntax for type integer: "***"', isError: true });
  });

  it('refuses a URL it cannot read without repeating it', async () => {
    const outcome = await tool(`postgres://alice:${PASSWORD}@[broken/db`).execute({ query: 'SELECT 1' }, noSignal());
    expect(outcome).toEqual({ content: 'error: the PostgreSQL URL of sql_query is not valid: an administrator must correct it (postgres://user:password@host:5432/database)', isError: true });
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
