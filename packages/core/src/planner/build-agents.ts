// Turns a team into agent specs: ids, role texts, the clause of the idea each one serves, tools.
import type { ProjectSpecInput, ToolId } from '@agent-generator/contracts';
import { toolById } from '../catalog/index';
import type { TeamMember } from './derive-team';
import { firstMatch } from './match-phrase';
import { TOOL_HOLDERS, templateOf } from './role-templates';
import { cutWords, neutralizeBraces, toIdentifier, uniqueIdentifier } from './text-helpers';

const MAX_CLAUSE = 200;

type AgentInput = ProjectSpecInput['agents'][number];

export interface PlannedAgent {
  readonly member: TeamMember;
  readonly spec: AgentInput & { readonly id: string; readonly tools: ToolId[] };
  /** The part of the idea this agent serves, quoted in its task. */
  readonly clause?: string;
}

interface AgentOptions {
  readonly members: ReadonlyArray<TeamMember>;
  readonly clauses: ReadonlyArray<string>;
  /** The spec input placeholder, e.g. `{topic}`. */
  readonly subject: string;
  readonly used: Set<string>;
}

function clauseFor(member: TeamMember, clauses: ReadonlyArray<string>): string | undefined {
  const phrases = member.name ? [member.name] : member.kind ? templateOf(member.kind).triggers : [];
  const clause = phrases.length > 0 ? clauses.find((candidate) => firstMatch(candidate, phrases)) : undefined;
  return clause === undefined ? undefined : neutralizeBraces(cutWords(clause, MAX_CLAUSE));
}

function textsOf(member: TeamMember, subject: string): { role: string; goal: string; backstory: string } {
  if (!member.kind) {
    const role = member.name ?? 'Specialist';
    return {
      role,
      goal: `Handle the ${role} work for ${subject}`,
      backstory: `The ${role} of a small team working on ${subject}: stays within that remit and hands clear results to the next step.`,
    };
  }
  const template = templateOf(member.kind);
  return { role: member.name ?? template.role, goal: template.goal.replaceAll('{subject}', subject), backstory: template.backstory };
}

export function buildAgents(options: AgentOptions): PlannedAgent[] {
  return options.members.map((member) => {
    const base = member.name ? toIdentifier(member.name, member.kind ?? 'specialist') : (member.kind ?? 'specialist');
    const id = uniqueIdentifier(base, options.used);
    const clause = clauseFor(member, options.clauses);
    const spec = { id, ...textsOf(member, options.subject), tools: [], allowDelegation: member.delegates };
    return clause === undefined ? { member, spec } : { member, spec, clause };
  });
}

/** Gives every tool to the agent whose role needs it; the supervisor delegates and holds none. */
export function assignTools(agents: ReadonlyArray<PlannedAgent>, tools: ReadonlyArray<ToolId>): void {
  const workers = agents.filter((agent) => !agent.member.delegates);
  for (const tool of tools) {
    const preferred = TOOL_HOLDERS[tool].map((kind) => workers.find((agent) => agent.member.kind === kind)).find((agent) => agent !== undefined);
    // Tools that change the world go to the last step, read-only tools to the first.
    const holder = preferred ?? (toolById(tool).sideEffects ? workers[workers.length - 1] : workers[0]);
    holder?.spec.tools.push(tool);
  }
}
