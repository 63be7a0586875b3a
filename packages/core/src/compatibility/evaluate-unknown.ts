// The evaluator for untrusted input: validates against SelectionSchema first and never throws.
import { SelectionSchema, type Catalog, type Diagnostic } from '@agent-generator/contracts';
import { catalog as defaultCatalog } from '../catalog/index';
import { evaluate } from './evaluate';

export type EvaluateResult =
  | { readonly ok: true; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }> };

const NOUNS: Readonly<Record<string, string>> = {
  framework: 'framework',
  pattern: 'pattern',
  hyperscaler: 'hyperscaler',
  provider: 'provider',
  tools: 'tool',
  exportTarget: 'export target',
};

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

export function evaluateUnknown(input: unknown, catalog: Catalog = defaultCatalog): EvaluateResult {
  const parsed = SelectionSchema.safeParse(input);
  if (parsed.success) return { ok: true, diagnostics: evaluate(parsed.data, catalog) };
  const issues = parsed.error.issues.map((issue) => {
    const path = issue.path.length === 0 ? '(selection)' : issue.path.map(String).join('.');
    if (issue.code !== 'invalid_value') return { path, message: issue.message };
    const noun = NOUNS[String(issue.path[0])] ?? 'value';
    const received = JSON.stringify(valueAt(input, issue.path)) ?? 'nothing';
    return { path, message: `${received} is not a known ${noun}; expected one of: ${issue.values.map(String).join(', ')}` };
  });
  return { ok: false, issues };
}
