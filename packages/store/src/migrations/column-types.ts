// The few column types that differ between SQLite and Postgres; migrations use only these and plain `text`/`integer`.
import type { StoreKind } from '@agent-generator/contracts';
import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type RawBuilder } from 'kysely';

type DataTypeExpression = ColumnDataType | RawBuilder<unknown>;

/**
 * Text compared and sorted byte-wise (timestamps, sort keys), whatever the Postgres database's
 * default collation is. SQLite's default collation already is byte-wise.
 */
export function sortableText(kind: StoreKind): DataTypeExpression {
  return kind === 'postgres' ? sql`text collate "C"` : 'text';
}

/** An integer primary key filled in insertion order. */
export function sequenceKey(kind: StoreKind): {
  readonly type: DataTypeExpression;
  readonly build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
} {
  return kind === 'postgres'
    ? { type: 'bigserial', build: (column) => column.primaryKey() }
    : { type: 'integer', build: (column) => column.primaryKey().autoIncrement() };
}

/** Raw bytes: file contents are kept as UTF-8 bytes, since Postgres text cannot hold NUL characters. */
export function bytes(kind: StoreKind): DataTypeExpression {
  return kind === 'postgres' ? 'bytea' : 'blob';
}
