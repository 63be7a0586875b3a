// Opens the database named by a URL (SQLite file or Postgres), migrates it, and answers the Store.
import { randomUUID } from 'node:crypto';
import type { Store, StoreKind, StoreOptions, StoreRepositories } from '@agent-generator/contracts';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql, type Dialect } from 'kysely';
import { parseDatabaseUrl } from './database-url';
import { appliedMigrations, migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { createPostgresDialect } from './postgres-dialect';
import type { Database } from './schema';
import { openSqlite } from './sqlite-dialect';
import { createSqliteFastReads } from './sqlite-fast-reads';
import { createSqliteRunEventWriter } from './sqlite-run-event-writer';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startWalCheckpointer, type WalCheckpointer } from './sqlite-wal-checkpointer';
import type { StoreContext } from './store-context';
import { translateError } from './store-errors';
import { storageUsage } from './storage-usage.repository';
import { createRepositories, translatingErrors } from './store-repositories';

/** Hands WAL checkpoints to a worker thread when asked to, for a SQLite file. */
function backgroundCheckpoints(options: StoreOptions, sqlite: BetterSqlite3.Database | undefined): WalCheckpointer | undefined {
  if (options.checkpointInBackground !== true || sqlite === undefined || sqlite.memory) return undefined;
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  return startWalCheckpointer({ filename: sqlite.name });
}

async function openDialect(databaseUrl: string): Promise<{ readonly kind: StoreKind; readonly dialect: Dialect; readonly sqlite?: BetterSqlite3.Database }> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === 'postgres') return { kind: 'postgres', dialect: await createPostgresDialect(target.connectionString) };
  const { dialect, database } = openSqlite(target.filename);
  return { kind: 'sqlite', dialect, sqlite: database };
}

export async function createStore(options: StoreOptions): Promise<Store> {
  let opened: Awaited<ReturnType<typeof openDialect>>;
  try {
    opened = await openDialect(options.databaseUrl);
  } catch (error) {
    throw translateError(error);
  }
  const { kind, dialect, sqlite } = opened;
  const db = new Kysely<Database>({ dialect });
  const clock = options.clock ?? (() => new Date());
  const base: StoreContext = { db, kind, now: () => clock().toISOString(), newId: options.ids ?? randomUUID };
  let context: StoreContext;
  try {
    await migrate(db, { kind, migrations: MIGRATIONS, now: base.now });
    // Prepared once the tables exist; transactions below get a context without them.
    context = sqlite ? { ...base, fastReads: createSqliteFastReads(sqlite), runEventWriter: createSqliteRunEventWriter(sqlite) } : base;
  } catch (error) {
    await db.destroy();
    throw translateError(error);
  }
  const checkpointer = backgroundCheckpoints(options, sqlite);
  return {
    kind,
    ...createRepositories(context),
    async transaction<Result>(work: (tx: StoreRepositories) => Promise<Result>): Promise<Result> {
      try {
        return await db.transaction().execute((tx) => work(createRepositories({ ...base, db: tx })));
      } catch (error) {
        throw translateError(error);
      }
    },
    ...translatingErrors({
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      appliedMigrations: () => appliedMigrations(db),
      usage: () => storageUsage(context),
    }),
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
