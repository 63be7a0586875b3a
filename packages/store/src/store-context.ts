// What every repository gets: the database (or the current transaction), the dialect, the clock and ids.
import { UserError, type IsoTimestamp, type PageQuery, type StoreKind } from '@agent-generator/contracts';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './schema';
import type { SqliteFastReads } from './sqlite-fast-reads';
import type { SqliteRunEventWriter } from './sqlite-run-event-writer';

export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly kind: StoreKind;
  /** Prepared hot reads on SQLite; absent on Postgres and inside transactions. */
  readonly fastReads?: SqliteFastReads | undefined;
  /** Run events appended with one commit per event-loop turn on SQLite; absent on Postgres and inside transactions. */
  readonly runEventWriter?: SqliteRunEventWriter | undefined;
  /** The injected clock's now, as an ISO string. */
  now(): IsoTimestamp;
  newId(): string;
}

/** Runs `work` in a transaction, or directly when the context already is one. */
export function atomically<Result>(context: StoreContext, work: (db: Kysely<Database>) => Promise<Result>): Promise<Result> {
  return context.db.isTransaction ? work(context.db) : context.db.transaction().execute(work);
}

/** Normalises a caller's timestamp to the store's fixed-width ISO form, so text comparisons order by time. */
export function toTimestamp(value: IsoTimestamp, field: string): IsoTimestamp {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UserError('invalid_input', `${field} must be an ISO 8601 timestamp, got "${value}"`, { field });
  return date.toISOString();
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

export function pageWindow(query: PageQuery): { readonly limit: number; readonly offset: number } {
  const limit = Number.isFinite(query.limit) ? Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT) : DEFAULT_LIMIT;
  const offset = Number.isFinite(query.offset) ? Math.max(Math.trunc(query.offset ?? 0), 0) : 0;
  return { limit, offset };
}

/** The LIKE pattern for "contains `term`", lower-cased, with `%`, `_` and `\` escaped by `\`. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** `<column> LIKE %term%`, case-insensitive: the column must hold lower-cased text; `%`, `_` and `\` match themselves. */
export function containsText(column: string, term: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${likePattern(term)} escape '\\'`;
}

/** The fast SQLite reads when this context may use them right now (see sqlite-fast-reads.ts). */
export function fastReadsOf(context: StoreContext): SqliteFastReads | undefined {
  return context.fastReads?.available() ? context.fastReads : undefined;
}

/** Parses a JSON column written by this store. */
export function parseJson<Value>(text: string): Value {
  return JSON.parse(text) as Value;
}
