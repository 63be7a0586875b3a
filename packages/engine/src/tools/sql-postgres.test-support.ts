// A throwaway PostgreSQL cluster for the sql_query tests (one per test file): a plain role for sql_query, and a superuser client to set up and inspect it.
import { startPostgres, type PostgresCluster } from '@agent-generator/testing';
import { connect, createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { APPLICATION_NAME } from './sql-postgres-runner';

export interface PostgresFixture {
  readonly cluster: PostgresCluster;
  /** The test database as `analyst`, the plain role sql_query uses: it owns the database and its public schema. */
  readonly url: string;
  /** The test database as the superuser (trust authentication on loopback): for setting up and inspecting only. */
  readonly adminUrl: string;
  readonly admin: pg.Client;
}

export const ANALYST = 'analyst';
export const ANALYST_PASSWORD = 'Analyst p@ss:w/rd%7c41';

/** The URL of the test database as another role, its password percent-encoded as a URL needs it. */
export function urlAs(adminUrl: string, role: { readonly name: string; readonly password: string }): string {
  const url = new URL(adminUrl);
  url.username = encodeURIComponent(role.name);
  url.password = encodeURIComponent(role.password);
  return url.href;
}

export function usePostgres(): () => PostgresFixture {
  let fixture: PostgresFixture | undefined;
  beforeAll(async () => {
    const cluster = await startPostgres();
    const adminUrl = await cluster.createDatabase();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await createAnalyst(admin);
    fixture = { cluster, url: urlAs(adminUrl, { name: ANALYST, password: ANALYST_PASSWORD }), adminUrl, admin };
  });
  afterAll(async () => {
    await fixture?.admin.end();
    await fixture?.cluster.stop();
  });
  return () => {
    if (fixture === undefined) throw new Error('the PostgreSQL cluster is not started');
    return fixture;
  };
}

/** A plain LOGIN role that owns the test database and its public schema, and may use every table and sequence the superuser makes there. */
async function createAnalyst(admin: pg.Client): Promise<void> {
  await admin.query(`CREATE ROLE ${ANALYST} LOGIN PASSWORD ${pg.escapeLiteral(ANALYST_PASSWORD)}`);
  const database = (await admin.query<{ name: string }>('SELECT current_database() AS name')).rows[0]?.name ?? '';
  await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} OWNER TO ${ANALYST}`);
  await admin.query(`ALTER SCHEMA public OWNER TO ${ANALYST}`);
  await admin.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO ${ANALYST}`);
  await admin.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO ${ANALYST}`);
}

/** sql_query's backends still connected, polled for up to two seconds while any remain. */
export async function remainingBackends(admin: pg.Client): Promise<Array<{ state: string; query: string }>> {
  const deadline = performance.now() + 2_000;
  for (;;) {
    const { rows } = await admin.query<{ state: string; query: string }>('SELECT state, query FROM pg_stat_activity WHERE application_name = $1', [APPLICATION_NAME]);
    if (rows.length === 0 || performance.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface FreezingProxy {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A TCP relay to PostgreSQL that goes silent, as a stalled network or server would: once a client has sent
 * a message containing `trigger`, nothing more from the server reaches that client. Other connections pass.
 */
export async function startFreezingProxy(options: { readonly upstreamPort: number; readonly trigger: string }): Promise<FreezingProxy> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(options.upstreamPort, '127.0.0.1');
    let frozen = false;
    open.add(client);
    upstream.on('data', (chunk: Buffer) => {
      if (!frozen) client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      if (chunk.includes(options.trigger)) frozen = true;
      upstream.write(chunk);
    });
    const closeBoth = (): void => {
      open.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', closeBoth).on('error', closeBoth);
    upstream.on('close', closeBoth).on('error', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    port: address.port,
    close: () => {
      open.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
