// The model-backed planner: asks a model for a spec draft, validates it, asks once for a repair,
// and otherwise fails loudly. It never falls back to the keyword planner behind the caller's back.
import { projectSpecJsonSchema, restoreProjectSpec, UserError, type ModelClient, type ModelRequest, type ProjectSpec } from '@agent-generator/contracts';
import { forceChoices } from './force-choices';
import { listOf } from './labels';
import { describeIssues, planningMessages, repairMessage, type DraftIssue } from './model-prompt';
import { parseDraft } from './parse-draft';
import type { PlanChoices, PlanHint, PlanResult } from './plan-types';
import { validateChoices } from './validate-choices';
import { validateIdea } from './validate-idea';

export interface PlanWithModelOptions {
  readonly idea: string;
  readonly choices?: PlanChoices | undefined;
  readonly model: ModelClient;
  readonly signal?: AbortSignal | undefined;
}

type Checked = { ok: true; spec: ProjectSpec; hints: PlanHint[] } | { ok: false; issues: ReadonlyArray<DraftIssue> };

function check(text: string, idea: string, choices: PlanChoices): Checked {
  const parsed = parseDraft(text);
  if (!parsed.ok) return parsed;
  const forced = forceChoices({ draft: parsed.value, idea, choices });
  const restored = restoreProjectSpec(forced.draft);
  if (!restored.ok) return { ok: false, issues: restored.issues };
  return { ok: true, spec: restored.spec, hints: forced.hints };
}

function result(checked: { spec: ProjectSpec; hints: PlanHint[] }, modelId: string): PlanResult {
  const { spec } = checked;
  const roles = spec.agents.map((agent) => agent.role);
  const agents: PlanHint = {
    kind: 'agents',
    value: spec.agents.map((agent) => agent.id).join(','),
    message: `${modelId} drafted ${roles.length} ${roles.length === 1 ? 'agent' : 'agents'} — ${listOf(roles)}; edit them in the next step.`,
  };
  return { spec, hints: [...checked.hints, agents] };
}

export async function planWithModel(options: PlanWithModelOptions): Promise<PlanResult> {
  const idea = validateIdea(options.idea);
  const choices = validateChoices(options.choices ?? {});
  const { model } = options;
  const request: ModelRequest = {
    messages: planningMessages(idea, choices),
    jsonSchema: { name: 'project_spec', schema: projectSpecJsonSchema() },
    temperature: 0,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const first = await model.generate(request);
  const firstCheck = check(first.text, idea, choices);
  if (firstCheck.ok) return result(firstCheck, model.modelId);
  const repair = await model.generate({
    ...request,
    messages: [...request.messages, { role: 'assistant', content: first.text }, repairMessage(firstCheck.issues)],
  });
  const secondCheck = check(repair.text, idea, choices);
  if (secondCheck.ok) return result(secondCheck, model.modelId);
  throw new UserError(
    'model_error',
    `The model ${model.modelId} did not return a valid project spec, even after one repair request. ` +
      `Problems: ${describeIssues(secondCheck.issues)}. Try again, choose a more capable model, or plan without a model.`,
    { model: model.modelId, issues: secondCheck.issues },
  );
}
