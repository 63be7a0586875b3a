// The offline planner: one idea (plus explicit choices) → a valid ProjectSpec and the hints the
// wizard shows. Deterministic: the same input always yields the same spec, byte for byte.
import { PROJECT_SPEC_VERSION, ProjectSpecSchema } from '@agent-generator/contracts';
import { assignTools, buildAgents } from './build-agents';
import { buildTasks } from './build-tasks';
import { deriveInput } from './derive-input';
import { deriveTeam, MAX_AGENTS, type Team } from './derive-team';
import { inferSignals } from './infer-signals';
import { listOf } from './labels';
import { findPhrase, normalizeForMatching } from './match-phrase';
import type { PlanChoices, PlanHint, PlanResult } from './plan-types';
import { projectName, slugOf } from './project-name';
import { resolveSelection } from './resolve-selection';
import { splitClauses } from './text-helpers';
import { validateChoices } from './validate-choices';
import { validateIdea } from './validate-idea';

function teamHints(team: Team, roles: ReadonlyArray<string>, ids: ReadonlyArray<string>): PlanHint[] {
  const hints: PlanHint[] = [
    { kind: 'agents', value: ids.join(','), message: `We drafted ${roles.length} agents from your idea — ${listOf(roles)}; edit them in the next step.` },
  ];
  if (team.requested !== undefined && team.requested !== roles.length) {
    const limit = team.requested > MAX_AGENTS ? `the most we plan automatically is ${MAX_AGENTS}` : 'a team needs at least two';
    hints.push({ kind: 'agents', value: String(roles.length), message: `You asked for ${team.requested} agents; ${limit}, so we drafted ${roles.length} — add or remove agents in the next step.` });
  }
  return hints;
}

export function planProject(idea: string, choices: PlanChoices = {}): PlanResult {
  const cleanIdea = validateIdea(idea);
  const valid = validateChoices(choices);
  const text = normalizeForMatching(cleanIdea);
  const selection = resolveSelection({ choices: valid, inferred: inferSignals(text) });
  const derived = deriveInput(text);
  const team = deriveTeam(text, selection.pattern);
  const used = new Set<string>();
  const agents = buildAgents({ members: team.members, clauses: splitClauses(text), subject: derived.placeholder, used });
  assignTools(agents, selection.tools);
  const tasks = buildTasks({ agents, subject: derived.placeholder, used });
  const name = valid.name ?? projectName(text, derived.input.name === 'topic' ? derived.input.default : undefined);
  const slug = slugOf(name);
  const report = findPhrase(text, 'report') !== undefined;
  // A failure here is a planner bug, not a user error: every field above is built to be valid.
  const spec = ProjectSpecSchema.parse({
    version: PROJECT_SPEC_VERSION,
    name,
    slug,
    idea: cleanIdea,
    framework: selection.framework,
    pattern: selection.pattern,
    hyperscaler: selection.hyperscaler,
    model: selection.model,
    agents: agents.map((agent) => agent.spec),
    tasks,
    tools: selection.tools.map((id) => ({ id, config: {} })),
    memory: { enabled: false },
    inputs: [derived.input],
    output: { format: 'markdown', file: report ? 'report.md' : `${slug}-output.md` },
  });
  const hints = [...selection.hints, ...teamHints(team, spec.agents.map((agent) => agent.role), spec.agents.map((agent) => agent.id))];
  return { spec, hints };
}
