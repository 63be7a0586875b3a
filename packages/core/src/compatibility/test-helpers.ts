// Test helpers: independent checks that a selection's rows are well formed and that every
// alternative really resolves its row without adding an error.
import type { Catalog, Selection } from '@agent-generator/contracts';
import { catalog as defaultCatalog } from '../catalog/index';
import { applyAlternative } from './apply-alternative';
import { evaluate } from './evaluate';
import type { Finding } from './finding';
import { findingsFor } from './rules/index';

const keyOf = (row: Finding): string => `${row.category}:${row.subject}`;

function sameRow(row: Finding, target: Finding): boolean {
  return row.category === target.category && (row.category !== 'tool' || row.subject === target.subject);
}

/** Human-readable problems with the rows of a selection; empty when all is well. */
export function rowProblems(selection: Selection, catalog: Catalog = defaultCatalog): string[] {
  const rows = evaluate(selection, catalog);
  const errorsBefore = new Set(rows.filter((row) => row.severity === 'err').map(keyOf));
  const problems: string[] = [];
  for (const row of rows) {
    const label = `${JSON.stringify(selection)} ${row.rule}`;
    if (row.message.trim() === '' || /undefined|NaN|\[object/.test(row.message)) problems.push(`${label}: bad message "${row.message}"`);
    if (row.severity === 'ok' && row.alternatives.length > 0) problems.push(`${label}: ok row with alternatives`);
    if (row.severity !== 'ok' && (row.alternatives.length === 0 || row.alternatives.length > 3)) {
      problems.push(`${label}: ${row.alternatives.length} alternatives`);
    }
    for (const alternative of row.alternatives) {
      // Rows without their own alternatives: only severities matter here, and they are much cheaper.
      const after = findingsFor({ selection: applyAlternative(selection, alternative), catalog });
      const resolved = after.find((candidate) => sameRow(candidate, row));
      if (resolved && resolved.severity !== 'ok') problems.push(`${label}: ${JSON.stringify(alternative)} leaves it ${resolved.severity}`);
      const added = after.filter((candidate) => candidate.severity === 'err' && !errorsBefore.has(keyOf(candidate)));
      if (added.length > 0) problems.push(`${label}: ${JSON.stringify(alternative)} adds ${added.map((candidate) => candidate.rule).join(', ')}`);
    }
  }
  return problems;
}
