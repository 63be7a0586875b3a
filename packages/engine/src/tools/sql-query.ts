// The sql_query tool: one SQL statement against the configured SQLite file, read-only unless allowed.
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { ToolsConfig } from '../run-options';
import { defineTool } from './define-tool';
import { runSql, type SqlAnswer } from './sql-runner';
import { ToolError, type EngineTool } from './tool';

const MAX_ROWS = 200;

/** ATTACH and VACUUM INTO open or write other files than the configured database, even with writes allowed. */
const OTHER_FILES = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(attach|detach|vacuum)\b/i;

export function createSqlQueryTool(options: { readonly description: string; readonly sql: ToolsConfig['sql'] }): EngineTool {
  const { sql } = options;
  return defineTool({
    name: 'sql_query',
    description: options.description,
    schema: z.object({ query: z.string().min(1).max(20_000).describe('One SQL statement, e.g. SELECT name FROM customers LIMIT 10') }),
    // With writes allowed, a statement is side-effecting unless SQLite itself says it only reads.
    sideEffects: ({ query }) => sql?.allowWrites === true && !isReadOnlyStatement(sql.databasePath, query),
    run: async ({ query }, { signal }) => {
      if (sql === undefined) throw new ToolError('sql_query is not configured: an administrator must set the database for the run');
      if (OTHER_FILES.test(query)) throw new ToolError('ATTACH, DETACH and VACUUM are refused: they reach files other than the configured database');
      const readonly = sql.allowWrites !== true;
      const answer = await runSql({ databasePath: sql.databasePath, readonly, query, maxRows: MAX_ROWS, timeoutMs: sql.timeoutMs ?? 10_000, signal });
      return formatAnswer(answer);
    },
  });
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

function formatAnswer(answer: SqlAnswer): string {
  switch (answer.kind) {
    case 'refused':
      throw new ToolError('the database is read-only for this run: only statements that read (SELECT, read-only PRAGMA, EXPLAIN) are allowed');
    case 'error':
      throw new ToolError(`SQLite refused the statement: ${answer.message}`);
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
