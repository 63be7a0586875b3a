// Small Python literal builders for identifiers the spec schema has already validated.
import { pyString } from '../shared/escape';

/** A Python tuple of strings: `()`, `("a",)` or `("a", "b")`. */
export function pyTuple(values: ReadonlyArray<string>): string {
  if (values.length === 0) return '()';
  const items = values.map(pyString);
  return values.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** A Python list of strings: `["a", "b"]`. */
export function pyList(values: ReadonlyArray<string>): string {
  return `[${values.map(pyString).join(', ')}]`;
}
