// Pure helpers between the selection and the spec, and the "what would break" questions behind every dimmed choice.
import type { Diagnostic, ProjectSpec, Selection, ToolId } from '@agent-generator/contracts';
import { applyAlternative, defaultModelOfProvider, evaluate, type SelectionPatch } from '@agent-generator/core';
import { toolsInUse } from '@agent-generator/ui';

/** The spec with the selection's framework, pattern, cloud and model; tools not in `tools` leave the agents. */
export function specWithSelection(spec: ProjectSpec, change: { readonly selection: Selection; readonly tools?: ReadonlyArray<ToolId> | undefined }): ProjectSpec {
  const { selection, tools } = change;
  const provider = selection.provider ?? spec.model.provider;
  const model = selection.model !== undefined ? { provider, id: selection.model } : provider === spec.model.provider ? spec.model : defaultModelOfProvider(provider);
  const kept = tools === undefined ? undefined : new Set(tools);
  return {
    ...spec,
    framework: selection.framework,
    pattern: selection.pattern ?? spec.pattern,
    hyperscaler: selection.hyperscaler ?? spec.hyperscaler,
    model,
    tools: kept ? spec.tools.filter((tool) => kept.has(tool.id)) : spec.tools,
    agents: kept ? spec.agents.map((agent) => ({ ...agent, tools: agent.tools.filter((tool) => kept.has(tool)) })) : spec.agents,
  };
}

/** What the compatibility engine checks: the selection, the tools the agents use, the export target. */
export function selectionToCheck(selection: Selection, spec: ProjectSpec, exportTarget: Selection['exportTarget']): Selection {
  const tools = toolsInUse(spec);
  return { ...selection, model: spec.model.id, provider: spec.model.provider, ...(tools.length > 0 ? { tools: [...tools] } : { tools: undefined }), ...(exportTarget ? { exportTarget } : {}) };
}

/** The first error the patch would cause in one category, or undefined when the patch fits. */
export function breakage(selection: Selection, probe: { readonly patch: SelectionPatch; readonly category: Diagnostic['category'] }): Diagnostic | undefined {
  return evaluate(applyAlternative(selection, probe.patch)).find((diagnostic) => diagnostic.severity === 'err' && diagnostic.category === probe.category);
}

/** A short "what would enable it" line from a blocking diagnostic's first alternative. */
export function leverOf(diagnostic: Diagnostic): string | undefined {
  const alternative = diagnostic.alternatives[0];
  if (!alternative) return undefined;
  const parts = Object.entries(alternative)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return parts.length > 0 ? `Works with ${parts.join(' and ')}.` : undefined;
}

/** Why each tool cannot be added to the current selection (absent when it can). */
export function toolBlocksOf(selection: Selection, spec: ProjectSpec, toolIds: ReadonlyArray<ToolId>): Partial<Record<ToolId, string>> {
  const inUse = toolsInUse(spec);
  const blocks: Partial<Record<ToolId, string>> = {};
  for (const tool of toolIds) {
    if (inUse.includes(tool)) continue;
    const problem = evaluate({ ...selection, tools: [...inUse, tool] }).find((diagnostic) => diagnostic.severity === 'err' && diagnostic.subject === tool);
    if (problem) blocks[tool] = problem.message;
  }
  return blocks;
}
