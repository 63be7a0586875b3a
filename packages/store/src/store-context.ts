// What every repository gets: the database (or the current transaction), the dialect, the clock and ids.
import { UserError, type IsoTimestamp, type PageQuery, type StoreKind } from '@agent-generator/contracts';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './schema';

export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly kind: StoreKind;
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

/** `<column> LIKE %term%`, case-insensitive: the column must hold lower-cased text; `%`, `_` and `\` match themselves. */
export function containsText(column: string, term: string): RawBuilder<SqlBool> {
  const pattern = `%${term.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** Parses a JSON column written by this store. */
export function parseJson<Value>(text: string): Value {
  return JSON.parse(text) as Value;
}
