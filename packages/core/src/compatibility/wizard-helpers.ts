// Small lookups the wizard needs next to the evaluator: pattern support and the framework picker filter.
import type { FrameworkEntry, FrameworkId, HyperscalerId, PatternId, Philosophy, Support } from '@agent-generator/contracts';
import { catalog } from '../catalog/index';
import { frameworkIn } from './catalog-lookup';

export function patternSupport(framework: FrameworkId, pattern: PatternId): Support {
  return frameworkIn(catalog, framework).patterns[pattern];
}

export interface FrameworkFilter {
  readonly hyperscaler?: HyperscalerId | undefined;
  readonly philosophy?: Philosophy | undefined;
}

/** Frameworks native to the cloud and matching the philosophy; an absent filter matches all. */
export function visibleFrameworks(filter: FrameworkFilter): ReadonlyArray<FrameworkEntry> {
  return catalog.frameworks.filter(
    (framework) =>
      (!filter.hyperscaler || framework.hyperscalers.includes(filter.hyperscaler)) && (!filter.philosophy || framework.philosophy === filter.philosophy),
  );
}
