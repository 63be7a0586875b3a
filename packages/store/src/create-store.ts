// Opens the database named by a URL (SQLite file or Postgres), migrates it, and answers the Store.
import { randomUUID } from 'node:crypto';
import type { Store, StoreKind, StoreOptions, StoreRepositories } from '@agent-generator/contracts';
import { Kysely, sql, type Dialect } from 'kysely';
import { parseDatabaseUrl } from './database-url';
import { appliedMigrations, migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { createPostgresDialect } from './postgres-dialect';
import type { Database } from './schema';
import { createSqliteDialect } from './sqlite-dialect';
import type { StoreContext } from './store-context';
import { translateError } from './store-errors';
import { createRepositories, translatingErrors } from './store-repositories';

function openDialect(databaseUrl: string): { readonly kind: StoreKind; readonly dialect: Dialect } {
  const target = parseDatabaseUrl(databaseUrl);
  return target.kind === 'postgres'
    ? { kind: 'postgres', dialect: createPostgresDialect(target.connectionString) }
    : { kind: 'sqlite', dialect: createSqliteDialect(target.filename) };
}

export async function createStore(options: StoreOptions): Promise<Store> {
  let opened: ReturnType<typeof openDialect>;
  try {
    opened = openDialect(options.databaseUrl);
  } catch (error) {
    throw translateError(error);
  }
  const { kind, dialect } = opened;
  const db = new Kysely<Database>({ dialect });
  const clock = options.clock ?? (() => new Date());
  const context: StoreContext = { db, kind, now: () => clock().toISOString(), newId: options.ids ?? randomUUID };
  try {
    await migrate(db, { kind, migrations: MIGRATIONS, now: context.now });
  } catch (error) {
    await db.destroy();
    throw translateError(error);
  }
  return {
    kind,
    ...createRepositories(context),
    async transaction<Result>(work: (tx: StoreRepositories) => Promise<Result>): Promise<Result> {
      try {
        return await db.transaction().execute((tx) => work(createRepositories({ ...context, db: tx })));
      } catch (error) {
        throw translateError(error);
      }
    },
    ...translatingErrors({
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      appliedMigrations: () => appliedMigrations(db),
    }),
    close: () => db.destroy(),
  };
}
