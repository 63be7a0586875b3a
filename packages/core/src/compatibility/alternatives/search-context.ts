// What the alternative search shares across one evaluation: the original rows and a memo of the
// rows of every candidate selection tried (candidates repeat across rows and levers).
import type { Selection } from '@agent-generator/contracts';
import type { Finding, RuleContext } from '../finding';
import { findingsFor } from '../rules/index';

export interface SearchContext extends RuleContext {
  readonly findingsOf: (selection: Selection) => ReadonlyArray<Finding>;
  /** `category:subject` of every error row of the original selection. */
  readonly errorsBefore: ReadonlySet<string>;
}

export const rowKey = (row: Finding): string => `${row.category}:${row.subject}`;

function selectionKey(selection: Selection): string {
  const { framework, pattern, hyperscaler, provider, model, tools, exportTarget } = selection;
  return JSON.stringify([framework, pattern, hyperscaler, provider, model, tools, exportTarget]);
}

export function searchContext(context: RuleContext, findings: ReadonlyArray<Finding>): SearchContext {
  const memo = new Map<string, ReadonlyArray<Finding>>();
  const findingsOf = (selection: Selection): ReadonlyArray<Finding> => {
    const key = selectionKey(selection);
    const cached = memo.get(key);
    if (cached) return cached;
    const rows = findingsFor({ selection, catalog: context.catalog });
    memo.set(key, rows);
    return rows;
  };
  const errorsBefore = new Set(findings.filter((row) => row.severity === 'err').map(rowKey));
  return { ...context, findingsOf, errorsBefore };
}
