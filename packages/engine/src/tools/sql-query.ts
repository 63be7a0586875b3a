// The sql_query tool: one SQL statement against the configured SQLite file or PostgreSQL database, read-only unless allowed.
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { SqlToolConfig } from '../run-options';
import { defineTool } from './define-tool';
import { runPostgres } from './sql-postgres-runner';
import { postgresStatementHasSideEffects } from './sql-postgres-side-effects';
import { runSql, type SqlAnswer } from './sql-runner';
import { ToolError, type EngineTool } from './tool';

const MAX_ROWS = 200;
const DEFAULT_TIMEOUT_MS = 10_000;

/** ATTACH and VACUUM INTO open or write other files than the configured database, even with writes allowed. */
const OTHER_FILES = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(attach|detach|vacuum)\b/i;

type Engine = 'SQLite' | 'PostgreSQL';

export function createSqlQueryTool(options: { readonly description: string; readonly sql: SqlToolConfig | undefined }): EngineTool {
  const { sql } = options;
  return defineTool({
    name: 'sql_query',
    description: options.description,
    schema: z.object({ query: z.string().min(1).max(20_000).describe('One SQL statement, e.g. SELECT name FROM customers LIMIT 10') }),
    sideEffects: ({ query }) => sql !== undefined && hasSideEffects(sql, query),
    run: async ({ query }, { signal }) => {
      if (sql === undefined) throw new ToolError('sql_query is not configured: an administrator must set the database for the run');
      const job = { readonly: sql.allowWrites !== true, query, maxRows: MAX_ROWS, timeoutMs: sql.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal };
      if (sql.kind === 'postgres') {
        if (query.includes('\0')) throw new ToolError('the query contains a NUL character (\\0), which PostgreSQL does not accept in a statement');
        return formatAnswer(await runPostgres({ ...job, url: sql.url }), 'PostgreSQL');
      }
      if (OTHER_FILES.test(query)) throw new ToolError('ATTACH, DETACH and VACUUM are refused: they reach files other than the configured database');
      return formatAnswer(await runSql({ ...job, databasePath: sql.databasePath }), 'SQLite');
    },
  });
}

/**
 * Read-only runs have no side effects: SQLite opens the file read-only, PostgreSQL runs a READ ONLY
 * transaction. With writes allowed, SQLite says whether the statement only reads; for PostgreSQL the
 * statement's text decides, erring towards "it writes" (see sql-postgres-side-effects.ts).
 */
function hasSideEffects(sql: SqlToolConfig, query: string): boolean {
  if (sql.allowWrites !== true) return false;
  return sql.kind === 'postgres' ? postgresStatementHasSideEffects(query) : !isReadOnlyStatement(sql.databasePath, query);
}

function isReadOnlyStatement(databasePath: string, query: string): boolean {
  let database: Database.Database | undefined;
  try {
    database = new Database(databasePath, { readonly: true, fileMustExist: true });
    return database.prepare(query).readonly;
  } catch {
    return false; // cannot tell: treat it as a write, so Safe and Ask modes stay safe
  } finally {
    database?.close();
  }
}

const REFUSALS: Record<Engine, string> = {
  SQLite: 'the database is read-only for this run: only statements that read (SELECT, read-only PRAGMA, EXPLAIN) are allowed',
  PostgreSQL: 'the database is read-only for this run: PostgreSQL refused a statement that writes (it ran in a READ ONLY transaction); only statements that read (SELECT, SHOW, EXPLAIN) are allowed',
};

function formatAnswer(answer: SqlAnswer, engine: Engine): string {
  switch (answer.kind) {
    case 'refused':
      throw new ToolError(REFUSALS[engine]);
    case 'error':
      throw new ToolError(`${engine} refused the statement: ${answer.message}`);
    case 'changes':
      return `${answer.changes} row(s) changed`;
    case 'rows': {
      if (answer.rows.length === 0) return `no rows (columns: ${answer.columns.join(', ')})`;
      const lines = [answer.columns.join(' | '), ...answer.rows.map((row) => row.map((cell) => (cell === null ? 'NULL' : String(cell))).join(' | '))];
      if (answer.more) lines.push(`[only the first ${MAX_ROWS} rows are shown]`);
      return lines.join('\n');
    }
  }
}
