// Applies a new selection to an existing spec: framework, pattern, cloud, model and tools change;
// agents and tasks stay, with tools no longer selected taken off the agents.
import { catalog, defaultModelOfProvider } from '@agent-generator/core';
import { ProjectSpecSchema, UserError, type ModelRef, type ProjectSpec } from '@agent-generator/contracts';
import type { SelectionInput } from './plan-choices';
import { issuesOfSpec } from './restore-spec';

function modelOf(spec: ProjectSpec, selection: SelectionInput): ModelRef {
  if (selection.provider !== undefined && selection.model !== undefined) return { provider: selection.provider, id: selection.model };
  if (selection.provider !== undefined) return selection.provider === spec.model.provider ? spec.model : defaultModelOfProvider(selection.provider);
  if (selection.model !== undefined) {
    const entry = catalog.models.find((model) => model.id === selection.model);
    if (!entry) throw new UserError('invalid_input', `The model "${selection.model}" is not in the catalog; name its provider too.`, { field: 'selection.model' });
    return { provider: entry.provider, id: entry.id };
  }
  return spec.model;
}

export function applySelection(spec: ProjectSpec, selection: SelectionInput): ProjectSpec {
  const tools = selection.tools === undefined ? spec.tools : selection.tools.map((id) => spec.tools.find((tool) => tool.id === id) ?? { id, config: {} });
  const kept = new Set(tools.map((tool) => tool.id));
  const candidate = {
    ...spec,
    framework: selection.framework ?? spec.framework,
    pattern: selection.pattern ?? spec.pattern,
    hyperscaler: selection.hyperscaler ?? spec.hyperscaler,
    model: modelOf(spec, selection),
    tools,
    agents: spec.agents.map((agent) => ({ ...agent, tools: agent.tools.filter((tool) => kept.has(tool)) })),
  };
  const parsed = ProjectSpecSchema.safeParse(candidate);
  if (!parsed.success) throw new UserError('invalid_input', 'The selection does not fit the spec.', { issues: issuesOfSpec(parsed.error.issues) });
  return parsed.data;
}
