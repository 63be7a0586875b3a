// Small Python literal builders for the LlamaIndex renderer; user text always goes through pyString.
import { pyClassName, pyString } from '../shared/escape';

/** A Python tuple of strings: `()`, `("a",)` or `("a", "b")`. */
export function pyTuple(values: ReadonlyArray<string>): string {
  if (values.length === 1) return `(${pyString(values[0] ?? '')},)`;
  return `(${values.map(pyString).join(', ')})`;
}

/** A Python list of strings. */
export function pyList(values: ReadonlyArray<string>): string {
  return `[${values.map(pyString).join(', ')}]`;
}

/** Unique event class names per task id (`find_papers` → `FindPapersDone`), stable for a spec. */
export function eventClassNames(taskIds: ReadonlyArray<string>): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  taskIds.forEach((id, index) => {
    const base = `${pyClassName(id)}Done`;
    const name = used.has(base) ? `${pyClassName(id)}${index + 1}Done` : base;
    used.add(name);
    names.set(id, name);
  });
  return names;
}

/** The event class of a task; the map always holds every task of the spec. */
export function eventOf(names: ReadonlyMap<string, string>, taskId: string): string {
  const name = names.get(taskId);
  if (name === undefined) throw new Error(`no event class for task "${taskId}"`);
  return name;
}
