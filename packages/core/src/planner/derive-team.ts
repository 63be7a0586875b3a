// Which agents an idea needs: the agents it names, else the roles its verbs call for, shaped into
// a team of 2–5 in the order work flows (gather → answer/analyse → write → review → deliver).
import type { PatternId } from '@agent-generator/contracts';
import { findPhrase, firstMatch } from './match-phrase';
import { extractNamedAgents, type NamedAgent } from './named-agents';
import { ROLE_TEMPLATES, type RoleKind } from './role-templates';

export const MIN_AGENTS = 2;
export const MAX_AGENTS = 5;

/** One agent of the team before ids and texts are attached. `name` is set for named agents. */
export interface TeamMember {
  readonly kind?: RoleKind;
  readonly name?: string;
  /** True for the one agent that delegates (supervisor pattern only). */
  readonly delegates: boolean;
}

export interface Team {
  readonly members: ReadonlyArray<TeamMember>;
  /** The number of agents the idea asked for ("with 3 agents"), if any. */
  readonly requested?: number;
}

const RESEARCH_WORDS = ['research', 'researches', 'researching', 'researcher', 'paper', 'papers', 'literature', 'study', 'studies', 'report', 'reports', 'investigate', 'investigates'];
// The role a lone role works best with: a writer needs material, an answer needs sources.
const COMPANION: Readonly<Record<RoleKind, RoleKind>> = {
  supervisor: 'researcher', researcher: 'writer', assistant: 'researcher', analyst: 'writer', writer: 'researcher', reviewer: 'analyst', publisher: 'writer',
};
const FILL_ORDER: ReadonlyArray<RoleKind> = ['researcher', 'writer', 'analyst', 'reviewer', 'publisher', 'assistant'];
const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const REQUESTED = /(?<![\p{L}\p{N}])(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\p{L}-]+\s+){0,2}agents(?![\p{L}\p{N}])/iu;

function requestedCount(text: string): number | undefined {
  const match = REQUESTED.exec(text);
  const word = match?.[1]?.toLowerCase();
  if (!word) return undefined;
  return NUMBER_WORDS[word] ?? Number.parseInt(word, 10);
}

const canonical = (kind: RoleKind | undefined): number => ROLE_TEMPLATES.findIndex((template) => template.kind === kind);

function detectedKinds(text: string): RoleKind[] {
  const kinds = ROLE_TEMPLATES.filter((template) => template.kind !== 'supervisor' && firstMatch(text, template.triggers)).map((template) => template.kind);
  if (RESEARCH_WORDS.some((word) => findPhrase(text, word))) {
    for (const kind of ['researcher', 'analyst', 'writer'] as const) if (!kinds.includes(kind)) kinds.push(kind);
  }
  if (kinds.length === 1 && kinds[0]) kinds.push(COMPANION[kinds[0]]);
  return kinds.sort((left, right) => canonical(left) - canonical(right));
}

function fill(workers: ReadonlyArray<TeamMember>, size: number): TeamMember[] {
  const result = [...workers];
  for (const kind of FILL_ORDER) {
    if (result.length >= size) break;
    if (!result.some((member) => member.kind === kind)) result.push({ kind, delegates: false });
  }
  // Named agents keep the order the idea gave them; roles follow the flow of work.
  const named = result.some((member) => member.name !== undefined);
  return named ? result : result.sort((left, right) => canonical(left.kind) - canonical(right.kind));
}

function memberOf(agent: NamedAgent): TeamMember {
  // Extra supervisors are ordinary members: only one agent delegates.
  return agent.kind && agent.kind !== 'supervisor' ? { name: agent.name, kind: agent.kind, delegates: false } : { name: agent.name, delegates: false };
}

export function deriveTeam(text: string, pattern: PatternId): Team {
  const named = extractNamedAgents(text);
  const requested = requestedCount(text);
  // Only the supervisor pattern has a leader; elsewhere a named "manager" is one of the team.
  const namedSupervisor = pattern === 'supervisor' ? named.find((agent) => agent.kind === 'supervisor') : undefined;
  const leader: TeamMember | undefined = pattern === 'supervisor' ? { kind: 'supervisor', delegates: true, ...(namedSupervisor ? { name: namedSupervisor.name } : {}) } : undefined;
  const namedWorkers = named.filter((agent) => agent !== namedSupervisor).map(memberOf);
  const workers = namedWorkers.length > 0 ? namedWorkers : detectedKinds(text).map((kind): TeamMember => ({ kind, delegates: false }));
  const leaders = leader ? 1 : 0;
  // A supervisor needs at least two workers to choose between, unless the idea asked for fewer agents.
  const minimumWorkers = leader ? 2 : 1;
  const total = requested === undefined ? leaders + Math.max(workers.length, minimumWorkers) : requested;
  const slots = Math.max(1, Math.min(MAX_AGENTS, Math.max(MIN_AGENTS, total)) - leaders);
  const members = [...(leader ? [leader] : []), ...fill(workers, slots).slice(0, slots)];
  return requested === undefined ? { members } : { members, requested };
}
