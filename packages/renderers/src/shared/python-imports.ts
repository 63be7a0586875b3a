// Import lines for a generated test module: names grouped by module, sorted the way isort/ruff do
// (constants, then classes, then functions), so each pattern's tests import exactly what they use.

/** Module (`fake_llm`, a module of the project package such as `prompts`, or `''` for the package itself) → imported names. */
export type ImportTable = Readonly<Record<string, ReadonlyArray<string>>>;

function rank(name: string): number {
  if (/^[A-Z0-9_]+$/.test(name)) return 0;
  return /^[A-Z]/.test(name) ? 1 : 2;
}

function sortNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((left, right) => rank(left) - rank(right) || (left < right ? -1 : left > right ? 1 : 0));
}

export function mergeImports(tables: ReadonlyArray<ImportTable>): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const table of tables) {
    for (const [module, names] of Object.entries(table)) merged.set(module, [...(merged.get(module) ?? []), ...names]);
  }
  return merged;
}

/** `from fake_llm import …` first (a test helper), then `from <package>[.<module>] import …` in module order. */
export function renderImports(table: Map<string, string[]>, packageName: string): string {
  const lines: string[] = [];
  const local = table.get('fake_llm');
  if (local) lines.push(`from fake_llm import ${sortNames(local).join(', ')}`, '');
  const modules = [...table.keys()].filter((module) => module !== 'fake_llm').sort();
  for (const module of modules) lines.push(`from ${module === '' ? packageName : `${packageName}.${module}`} import ${sortNames(table.get(module) ?? []).join(', ')}`);
  return lines.join('\n').trimEnd();
}
