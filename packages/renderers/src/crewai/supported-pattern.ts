// Checks a spec's pattern against the catalog before a CrewAI renderer builds anything.
import type { FrameworkId, PatternId, ProjectSpec } from '@agent-generator/contracts';
import { frameworkById } from '@agent-generator/core';

/** Returns the spec's pattern if the catalog supports it for `framework` and we implement it; throws otherwise. */
export function supportedPattern<P extends PatternId>(spec: ProjectSpec, framework: FrameworkId, implemented: ReadonlyArray<P>): P {
  const entry = frameworkById(framework);
  if (spec.framework !== framework) throw new Error(`the ${entry.name} renderer cannot render a "${spec.framework}" spec`);
  const support = entry.patterns[spec.pattern];
  const pattern = implemented.find((candidate) => candidate === spec.pattern);
  if (support === 'unsupported' || pattern === undefined) {
    const options = implemented.filter((candidate) => entry.patterns[candidate] !== 'unsupported').join(', ');
    throw new Error(`${entry.name} does not support the "${spec.pattern}" pattern; choose one of: ${options}`);
  }
  return pattern;
}
