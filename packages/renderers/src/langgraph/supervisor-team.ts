// Who leads and who works in the supervisor pattern: a delegating spec agent leads when there is
// someone to delegate to; otherwise a plain supervisor node does.
import type { AgentSpec, ProjectSpec } from '@agent-generator/contracts';

export interface SupervisorTeam {
  /** The spec agent whose persona leads the team, if the spec names one (allowDelegation). */
  readonly manager: AgentSpec | undefined;
  readonly workers: ReadonlyArray<AgentSpec>;
  /** The supervisor's graph node: the manager's id, else "supervisor" made unique among agent ids. */
  readonly node: string;
}

export function supervisorTeam(spec: ProjectSpec): SupervisorTeam {
  const manager = spec.agents.length > 1 ? spec.agents.find((agent) => agent.allowDelegation) : undefined;
  const workers = spec.agents.filter((agent) => agent !== manager);
  const ids = new Set(spec.agents.map((agent) => agent.id));
  let node = manager?.id ?? 'supervisor';
  while (!manager && ids.has(node)) node = `${node}_node`;
  return { manager, workers, node };
}
