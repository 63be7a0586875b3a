// The compatibility selection a spec stands for: what the evaluator checks before rendering.
import type { ProjectSpec, Selection } from '@agent-generator/contracts';

export function selectionOfSpec(spec: ProjectSpec): Selection {
  return {
    framework: spec.framework,
    pattern: spec.pattern,
    hyperscaler: spec.hyperscaler,
    provider: spec.model.provider,
    model: spec.model.id,
    ...(spec.tools.length > 0 ? { tools: spec.tools.map((tool) => tool.id) } : {}),
  };
}
