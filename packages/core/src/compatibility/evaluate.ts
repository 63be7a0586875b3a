// The compatibility evaluator: one row per selected dimension, each non-ok row with alternatives.
import type { Catalog, Diagnostic, Selection } from '@agent-generator/contracts';
import { catalog as defaultCatalog } from '../catalog/index';
import { alternativesFor } from './alternatives/alternatives-for';
import { searchContext } from './alternatives/search-context';
import { findingsFor } from './rules/index';

// The alternative search re-evaluates candidate selections, so one call costs milliseconds. The
// wizard and the API ask about the same few selections again and again: results for the built-in
// catalog are memoised (evaluate is pure), bounded, oldest evicted first.
const MEMO_LIMIT = 1000;
const memo = new Map<string, ReadonlyArray<Diagnostic>>();

function compute(selection: Selection, catalog: Catalog): Diagnostic[] {
  const context = { selection, catalog };
  const findings = findingsFor(context);
  const search = searchContext(context, findings);
  return findings.map((row) => ({ ...row, alternatives: alternativesFor(search, row) }));
}

/** Diagnostics for an already-validated selection, in the order framework … tools, export. */
export function evaluate(selection: Selection, catalog: Catalog = defaultCatalog): Diagnostic[] {
  if (catalog !== defaultCatalog) return compute(selection, catalog);
  const key = JSON.stringify([selection.framework, selection.pattern, selection.hyperscaler, selection.provider, selection.model, selection.tools, selection.exportTarget]);
  let rows = memo.get(key);
  if (!rows) {
    rows = compute(selection, catalog);
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
    memo.set(key, rows);
  }
  return structuredClone(rows) as Diagnostic[];
}
