// The Orchestrate agents of a spec: one native agent per spec agent, plus a lead agent for the
// supervisor pattern (collaborators = every agent) and the sequential adapter (collaborators in task
// order). In the react pattern the first task's agent leads. Collaborators are imported first.
import type { ProjectSpec } from '@agent-generator/contracts';
import { packageName } from '../shared/escape';
import { leadInstructions, workerInstructions } from './orchestrate-instructions';

/** The Orchestrate limit on direct collaborators of one agent. */
const MAX_COLLABORATORS = 10;

export interface OrchestrateAgent {
  /** File name stem: agents/<id>.yaml. */
  readonly id: string;
  /** The agent's name in the tenant, prefixed with the package so projects do not collide. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly instructions: string;
  readonly tools: ReadonlyArray<string>;
  /** Names of collaborator agents. */
  readonly collaborators: ReadonlyArray<string>;
}

function agentName(spec: ProjectSpec, id: string): string {
  return `${packageName(spec.slug)}_${id}`;
}

/** Spec agents that own tasks, in the order of their first task. */
function taskOwners(spec: ProjectSpec): ReadonlyArray<string> {
  return [...new Set(spec.tasks.map((task) => task.agent))];
}

function freeId(spec: ProjectSpec, candidates: ReadonlyArray<string>): string {
  const taken = new Set(spec.agents.map((agent) => agent.id));
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (free !== undefined) return free;
  let index = 2;
  while (taken.has(`${candidates[0]}_${index}`)) index += 1;
  return `${candidates[0]}_${index}`;
}

function checkCollaborators(agent: OrchestrateAgent): OrchestrateAgent {
  if (agent.collaborators.length > MAX_COLLABORATORS) {
    throw new Error(`watsonx Orchestrate allows at most ${MAX_COLLABORATORS} collaborators per agent; ${agent.id} would need ${agent.collaborators.length}. Use fewer agents.`);
  }
  return agent;
}

function lead(spec: ProjectSpec, role: 'supervisor' | 'sequential'): OrchestrateAgent {
  const id = freeId(spec, role === 'supervisor' ? ['supervisor', 'manager', 'coordinator'] : ['pipeline_lead', 'lead', 'coordinator']);
  const members = role === 'supervisor' ? spec.agents.map((agent) => agent.id) : taskOwners(spec);
  return checkCollaborators({
    id,
    name: agentName(spec, id),
    displayName: role === 'supervisor' ? `${spec.name} supervisor` : `${spec.name} pipeline`,
    description:
      role === 'supervisor'
        ? `Leads the ${spec.name} agents: delegates each task to the agent that owns it and returns the combined result.`
        : `Runs the ${spec.name} tasks as a fixed pipeline, calling each agent in task order.`,
    instructions: leadInstructions(spec, { role, nameOf: (agentId) => agentName(spec, agentId) }),
    tools: [],
    collaborators: members.map((member) => agentName(spec, member)),
  });
}

export function orchestrateAgents(spec: ProjectSpec): ReadonlyArray<OrchestrateAgent> {
  const entry = spec.pattern === 'react' ? spec.tasks[0]?.agent : undefined;
  const workers = spec.agents.map((agent) =>
    checkCollaborators({
      id: agent.id,
      name: agentName(spec, agent.id),
      displayName: agent.role,
      description: `${agent.role}: ${agent.goal}`,
      instructions: workerInstructions(spec, { agent, leads: agent.id === entry, nameOf: (agentId) => agentName(spec, agentId) }),
      tools: agent.tools,
      collaborators: agent.id === entry ? taskOwners(spec).filter((owner) => owner !== agent.id).map((owner) => agentName(spec, owner)) : [],
    }),
  );
  switch (spec.pattern) {
    case 'supervisor':
      return [...workers, lead(spec, 'supervisor')];
    case 'sequential':
      return [...workers, lead(spec, 'sequential')];
    case 'react':
      // The entry agent calls the others, so it is imported after them.
      return [...workers.filter((agent) => agent.id !== entry), ...workers.filter((agent) => agent.id === entry)];
    case 'graph':
    case 'group-chat':
      throw new Error(`watsonx Orchestrate projects do not support the ${spec.pattern} pattern; choose supervisor, react or sequential`);
  }
}

/** The agent a person chats with: the lead, or in the react pattern the first task's agent. */
export function entryAgent(agents: ReadonlyArray<OrchestrateAgent>): OrchestrateAgent {
  const last = agents[agents.length - 1];
  if (!last) throw new Error('a spec has at least one agent');
  return last;
}
