// Applies pending migrations once, under a lock, so several processes starting at once are safe.
import type { StoreKind } from '@agent-generator/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Migration } from './migrations';
import type { Database } from './schema';

// Any constant works; it only has to be the same in every replica.
const POSTGRES_LOCK_KEY = 4_271_903_611;

async function lock(tx: Transaction<Database>, kind: StoreKind): Promise<void> {
  // SQLite: the transaction began with `begin immediate`, which already holds the write lock.
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${POSTGRES_LOCK_KEY})`.execute(tx);
}

export interface MigrateOptions {
  readonly kind: StoreKind;
  readonly migrations: ReadonlyArray<Migration>;
  readonly now: () => string;
}

/**
 * Runs every migration not yet recorded in `schema_migrations`, all in one transaction (both
 * dialects have transactional DDL), and answers the versions it applied.
 */
export async function migrate(db: Kysely<Database>, options: MigrateOptions): Promise<ReadonlyArray<string>> {
  return db.transaction().execute(async (tx) => {
    await lock(tx, options.kind);
    await tx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'text', (column) => column.primaryKey())
      .addColumn('applied_at', 'text', (column) => column.notNull())
      .execute();
    const applied = new Set((await tx.selectFrom('schema_migrations').select('version').execute()).map((row) => row.version));
    const pending = [...options.migrations].sort((left, right) => left.version.localeCompare(right.version)).filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      await migration.up(tx, options.kind);
      await tx.insertInto('schema_migrations').values({ version: migration.version, applied_at: options.now() }).execute();
    }
    return pending.map((migration) => migration.version);
  });
}

export async function appliedMigrations(db: Kysely<Database>): Promise<ReadonlyArray<string>> {
  const rows = await db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
  return rows.map((row) => row.version);
}
