// Kysely over better-sqlite3: WAL, busy timeout, foreign keys, cached statements, write-locking transactions.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteStatement } from 'kysely';

/** How long a writer waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 15_000;
const STATEMENT_CACHE_SIZE = 500;

// `begin immediate` takes the write lock at the start, so a transaction never fails half-way
// when another process writes; the busy timeout makes it wait instead of failing.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

const isBusy = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_BUSY';

/**
 * Switches a file to WAL. Several processes opening a new file at once race for that switch, and
 * SQLite answers the losers SQLITE_BUSY at once, without its busy handler: retry for the busy timeout.
 */
function enableWal(database: BetterSqlite3.Database): void {
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt += 1) {
    try {
      database.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
      // Opening happens once, at start: a short blocking wait is simpler than making it async.
      Atomics.wait(pause, 0, 0, Math.min(100, 5 * 2 ** attempt));
    }
  }
}

/** One connection for the whole process: Kysely's driver queues every query through it. */
function openDatabase(filename: string): BetterSqlite3.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const database = new BetterSqlite3(filename, { timeout: BUSY_TIMEOUT_MS });
  try {
    enableWal(database);
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

// Kysely prepares every query anew; caching prepared statements by SQL text saves that work.
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached) return cached;
      const statement = database.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      cache.set(sql, statement);
      return statement;
    },
  };
}

/** The dialect Kysely runs on, and the same connection for the prepared hot reads (sqlite-fast-reads.ts). */
export function openSqlite(filename: string): { readonly dialect: SqliteDialect; readonly database: BetterSqlite3.Database } {
  const database = openDatabase(filename);
  return { dialect: new ImmediateSqliteDialect(withStatementCache(database)), database };
}
