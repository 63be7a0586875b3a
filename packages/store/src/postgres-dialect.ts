// Kysely over node-postgres: a connection pool whose counts come back as numbers. The driver is
// loaded only when a Postgres URL is configured, so SQLite installs never pay for it at start.
import { PostgresDialect } from 'kysely';

const INT8_OID = 20;

export async function createPostgresDialect(connectionString: string): Promise<PostgresDialect> {
  const { default: pg } = await import('pg');
  // Counts and sequences never exceed 2^53 here, so plain numbers are safe and simpler to use.
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (value: string) => Number(value));
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool });
}
