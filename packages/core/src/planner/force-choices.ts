// Puts the person's explicit choices onto a model's draft: a model may suggest, but a choice the
// person made always wins, and a hint says so whenever the draft disagreed.
import type { ToolId } from '@agent-generator/contracts';
import { HyperscalerIdSchema } from '@agent-generator/contracts';
import { DEFAULT_SELECTION } from '../catalog/defaults';
import { isRecord } from './parse-draft';
import type { PlanChoices, PlanHint } from './plan-types';
import { explicitModel } from './resolve-model';
import { slugOf } from './project-name';

interface ForceOptions {
  readonly draft: Record<string, unknown>;
  readonly idea: string;
  readonly choices: PlanChoices;
}

function override(kind: PlanHint['kind'], proposed: unknown, chosen: string): PlanHint[] {
  if (proposed === chosen) return [];
  const shown = typeof proposed === 'string' ? `“${proposed.slice(0, 80)}”` : 'nothing usable';
  return [{ kind, value: chosen, message: `The model proposed ${shown} for ${kind}; you chose ${chosen}, so we use ${chosen}.` }];
}

function modelKey(value: unknown): string | undefined {
  return isRecord(value) && typeof value.provider === 'string' && typeof value.id === 'string' ? `${value.provider}:${value.id}` : undefined;
}

/**
 * The draft's agents holding only chosen tools, and the chosen tool list (keeping the draft's
 * settings for tools it already had). Chosen tools nobody holds go to the first non-delegating agent.
 */
function forceTools(draft: Record<string, unknown>, chosen: ReadonlyArray<ToolId>): { agents: unknown; tools: unknown[] } {
  const previous = Array.isArray(draft.tools) ? draft.tools.filter(isRecord) : [];
  const tools = chosen.map((id) => ({ id, config: previous.find((tool) => tool.id === id)?.config ?? {} }));
  if (!Array.isArray(draft.agents)) return { agents: draft.agents, tools };
  const agents = draft.agents.map((agent) => (isRecord(agent) ? { ...agent } : agent));
  const records = agents.filter(isRecord);
  for (const agent of records) agent.tools = Array.isArray(agent.tools) ? agent.tools.filter((tool) => chosen.some((id) => id === tool)) : [];
  const held = new Set(records.flatMap((agent) => (Array.isArray(agent.tools) ? agent.tools : [])));
  const holder = records.find((agent) => agent.allowDelegation !== true) ?? records[0];
  const missing = chosen.filter((tool) => !held.has(tool));
  if (holder && Array.isArray(holder.tools)) holder.tools = [...holder.tools, ...missing];
  return { agents, tools };
}

export function forceChoices(options: ForceOptions): { draft: Record<string, unknown>; hints: PlanHint[] } {
  const { idea, choices } = options;
  const draft: Record<string, unknown> = { ...options.draft, idea };
  const hints: PlanHint[] = [];
  for (const key of ['framework', 'pattern', 'hyperscaler'] as const) {
    const chosen = choices[key];
    if (chosen === undefined) continue;
    hints.push(...override(key, draft[key], chosen));
    draft[key] = chosen;
  }
  const cloud = HyperscalerIdSchema.safeParse(draft.hyperscaler);
  const model = explicitModel(choices, cloud.success ? cloud.data : DEFAULT_SELECTION.hyperscaler);
  if (model) {
    const key = `${model.provider}:${model.id}`;
    if (modelKey(draft.model) !== key) hints.push(...override('provider', modelKey(draft.model), key));
    draft.model = model;
  }
  if (choices.tools) {
    const chosen = choices.tools;
    const proposed = Array.isArray(draft.tools) ? draft.tools.filter(isRecord).map((tool) => tool.id) : [];
    const forced = forceTools(draft, chosen);
    draft.agents = forced.agents;
    draft.tools = forced.tools;
    if (proposed.length !== chosen.length || !chosen.every((tool) => proposed.includes(tool))) {
      const listed = chosen.length > 0 ? chosen.join(', ') : 'no tools';
      hints.push({ kind: 'tool', value: chosen.join(','), message: `The model proposed other tools; we use the ones you chose (${listed}).` });
    }
  }
  if (choices.name) {
    draft.name = choices.name;
    draft.slug = slugOf(choices.name);
  }
  return { draft, hints };
}
