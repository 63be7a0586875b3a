// The shapes the compatibility rules share: what a rule sees and the row it produces.
import type { Catalog, Diagnostic, Selection } from '@agent-generator/contracts';

/** A partial selection that, applied to the current one, resolves a row. */
export type SelectionPatch = Diagnostic['alternatives'][number];

export type DiagnosticCategory = Diagnostic['category'];

/** A diagnostic row before its alternatives are worked out. */
export type Finding = Omit<Diagnostic, 'alternatives'>;

export interface RuleContext {
  readonly selection: Selection;
  readonly catalog: Catalog;
}

/** The wizard step that changes each category. */
const STEP_OF: Readonly<Record<DiagnosticCategory, Diagnostic['step']>> = {
  framework: 'framework',
  hyperscaler: 'framework',
  pattern: 'framework',
  provider: 'framework',
  model: 'framework',
  tool: 'agents',
  export: 'export',
};

export function finding(row: Omit<Finding, 'step'>): Finding {
  return { ...row, step: STEP_OF[row.category] };
}
