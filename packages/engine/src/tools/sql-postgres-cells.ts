// Turns PostgreSQL column values into the plain cells sql_query answers with, the same kinds as SQLite's.
import type { types as pgTypes } from 'pg';

export type Cell = string | number | boolean | null;
export type CellParser = (dataTypeId: number, text: string) => Cell;

/**
 * Types kept as PostgreSQL writes them: node-postgres would read a date, a timestamp without time zone
 * and an interval in the server process's own time zone or as an object, which shifts or hides the value.
 * date, timestamp, interval and their arrays.
 */
const KEPT_AS_TEXT = new Set([1082, 1114, 1186, 1182, 1115, 1187]);

export function createCellParser(types: typeof pgTypes): CellParser {
  return (dataTypeId, text) => (KEPT_AS_TEXT.has(dataTypeId) ? text : toCell(types.getTypeParser(dataTypeId, 'text')(text)));
}

/** Numbers, strings, booleans and null as they are; Date → ISO text; bytes → `<N bytes>`; json, arrays and the rest → JSON text. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString();
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  return JSON.stringify(value, bytesAsSize);
}

// JSON.stringify hands the replacer Buffer#toJSON's output; the holder still has the Buffer itself.
function bytesAsSize(this: unknown, key: string, inner: unknown): unknown {
  const original: unknown = typeof this === 'object' && this !== null ? Reflect.get(this, key) : undefined;
  return Buffer.isBuffer(original) ? `<${original.length} bytes>` : inner;
}
