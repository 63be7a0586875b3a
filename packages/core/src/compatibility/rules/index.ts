// The rule table, in the order rows are shown: framework, hyperscaler, pattern, provider, model, tools, export.
import type { Finding, RuleContext } from '../finding';
import { exportFit } from './export-fit';
import { frameworkMaturity } from './framework-maturity';
import { hyperscalerFit } from './hyperscaler-fit';
import { modelFit } from './model-fit';
import { patternFit } from './pattern-fit';
import { providerFit } from './provider-fit';
import { toolFit } from './tool-fit';

type DimensionRule = (context: RuleContext) => ReadonlyArray<Finding>;

const DIMENSION_RULES: ReadonlyArray<DimensionRule> = [frameworkMaturity, hyperscalerFit, patternFit, providerFit, modelFit, toolFit, exportFit];

/** The rows for a selection, without alternatives. Cheap: the alternative search calls it often. */
export function findingsFor(context: RuleContext): ReadonlyArray<Finding> {
  return DIMENSION_RULES.flatMap((rule) => rule(context));
}
