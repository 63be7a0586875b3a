// Python literals for values the generated CrewAI projects embed: names, lists and string maps.
import { pyString } from '../shared/escape';

/** A Python list of strings: `[]` or `["a", "b"]`. */
export function pyList(values: ReadonlyArray<string>): string {
  return `[${values.map(pyString).join(', ')}]`;
}

/** A Python `dict[str, str]` literal, one entry per line when not empty. */
export function pyStringDict(entries: ReadonlyArray<readonly [string, string]>, indent = ''): string {
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, value]) => `${indent}    ${pyString(key)}: ${pyString(value)},`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** A Python `dict[str, list[str]]` literal, one entry per line when not empty. */
export function pyListDict(entries: ReadonlyArray<readonly [string, ReadonlyArray<string>]>): string {
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, values]) => `    ${pyString(key)}: ${pyList(values)},`);
  return `{\n${lines.join('\n')}\n}`;
}
