// The reads nearly every request makes on SQLite (credential lookups, the project listing) as
// prepared statements run straight on better-sqlite3, skipping Kysely's query building and its
// connection queue, which cost several times the query itself. Postgres and every other query stay
// on Kysely; the store conformance suite holds both paths to the same answers.
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ApiTokensTable, SessionsTable, UsersTable } from './schema';
import { likePattern } from './store-context';

export interface ProjectFilter {
  readonly framework?: string | undefined;
  readonly ownerId?: string | undefined;
  /** Already trimmed; empty means no search. */
  readonly search: string;
  readonly sortColumn: 'name_key' | 'created_at' | 'updated_at';
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  readonly offset: number;
}

export const PROJECT_LIST_COLUMNS = ['id', 'owner_id', 'name', 'slug', 'framework', 'pattern', 'idea', 'latest_version', 'created_at', 'updated_at'] as const;

export interface ProjectListRow {
  readonly id: string;
  readonly owner_id: string;
  readonly name: string;
  readonly slug: string;
  readonly framework: string;
  readonly pattern: string;
  readonly idea: string;
  readonly latest_version: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface SqliteFastReads {
  /**
   * False while a transaction is open on the connection (it is shared with Kysely): a read then
   * takes the Kysely path, which waits for the transaction, so it never sees uncommitted rows.
   */
  available(): boolean;
  apiTokenByHash(tokenHash: string, now: string): Selectable<ApiTokensTable> | undefined;
  userById(id: string): Selectable<UsersTable> | undefined;
  activeSession(id: string, now: string): Selectable<SessionsTable> | undefined;
  projectPage(filter: ProjectFilter): { readonly rows: ReadonlyArray<ProjectListRow>; readonly total: number };
  /**
   * Answers `read()`'s last result for `key` while the database is unchanged since, by any
   * connection (PRAGMA data_version counts other connections' commits, total_changes() this
   * one's writes); reads again otherwise. For reads that depend on nothing but the data.
   */
  remember<Result>(key: string, read: () => Result): Result;
}

// 2 × 2 × 2 filters × 3 sort columns × 2 orders: every listing shape fits.
const MAX_LIST_STATEMENTS = 64;
// Remembered results (a page of 50 projects is ~20 kB).
const MAX_REMEMBERED = 64;

function listStatements(database: BetterSqlite3.Database) {
  const cache = new Map<string, { readonly page: BetterSqlite3.Statement; readonly count: BetterSqlite3.Statement }>();
  return (filter: ProjectFilter) => {
    const clauses: string[] = [];
    if (filter.framework !== undefined) clauses.push('framework = ?');
    if (filter.ownerId !== undefined) clauses.push('owner_id = ?');
    if (filter.search !== '') clauses.push("search_text like ? escape '\\'");
    const where = clauses.length === 0 ? '' : ` where ${clauses.join(' and ')}`;
    // Both come from closed sets (the caller maps sort keys to columns), never from user text.
    const order = `${filter.sortColumn} ${filter.order}, id ${filter.order}`;
    const key = `${where}|${order}`;
    let statements = cache.get(key);
    if (statements === undefined) {
      if (cache.size >= MAX_LIST_STATEMENTS) cache.clear();
      statements = {
        page: database.prepare(`select ${PROJECT_LIST_COLUMNS.join(', ')} from projects${where} order by ${order} limit ? offset ?`),
        count: database.prepare(`select count(*) as total from projects${where}`),
      };
      cache.set(key, statements);
    }
    const parameters = [filter.framework, filter.ownerId, filter.search === '' ? undefined : likePattern(filter.search)].filter((value) => value !== undefined);
    return { statements, parameters };
  };
}

export function createSqliteFastReads(database: BetterSqlite3.Database): SqliteFastReads {
  const token = database.prepare('select * from api_tokens where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)');
  const user = database.prepare('select * from users where id = ?');
  const session = database.prepare('select * from sessions where id = ? and revoked_at is null and expires_at > ?');
  const list = listStatements(database);
  const dataVersion = database.prepare('pragma data_version').pluck();
  const totalChanges = database.prepare('select total_changes()').pluck();
  const remembered = new Map<string, { readonly version: string; readonly result: unknown }>();
  return {
    available: () => database.open && !database.inTransaction,
    apiTokenByHash: (tokenHash, now) => token.get(tokenHash, now) as Selectable<ApiTokensTable> | undefined,
    userById: (id) => user.get(id) as Selectable<UsersTable> | undefined,
    activeSession: (id, now) => session.get(id, now) as Selectable<SessionsTable> | undefined,
    projectPage(filter) {
      const { statements, parameters } = list(filter);
      const rows = statements.page.all(...parameters, filter.limit, filter.offset) as ProjectListRow[];
      const { total } = statements.count.get(...parameters) as { total: number };
      return { rows, total };
    },
    remember<Result>(key: string, read: () => Result): Result {
      const version = `${String(dataVersion.get())}:${String(totalChanges.get())}`;
      const hit = remembered.get(key);
      if (hit?.version === version) return hit.result as Result;
      const result = read();
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(key, { version, result });
      return result;
    },
  };
}
