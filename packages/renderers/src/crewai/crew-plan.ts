// How a spec maps onto one CrewAI crew for each supported pattern: which agents the crew has,
// which tasks it runs, the process, and who manages a hierarchical crew.
import type { AgentSpec, ProjectSpec } from '@agent-generator/contracts';
import { inputsAppendix } from './placeholders';
import type { MemberNames } from './member-names';
import { memberNames } from './member-names';
import type { YamlTask } from './tasks-yaml';

export type CrewPattern = 'sequential' | 'supervisor' | 'react';

export interface CrewAgent {
  readonly spec: AgentSpec;
  readonly member: string;
  readonly tools: ReadonlyArray<string>;
  readonly allowDelegation: boolean;
}

export interface CrewPlan {
  readonly pattern: CrewPattern;
  readonly names: MemberNames;
  /** Agents decorated with @agent, in spec order. */
  readonly agents: ReadonlyArray<CrewAgent>;
  /** A spec agent that manages a hierarchical crew (not in `agents`, no tools), if any. */
  readonly manager: CrewAgent | undefined;
  readonly tasks: ReadonlyArray<YamlTask>;
  readonly process: 'sequential' | 'hierarchical';
}

// The single task of the ReAct adapter; its name avoids every agent and task member name.
export const REACT_TASK = 'react_objective';

function withInputs(spec: ProjectSpec, index: number, text: string): string {
  return index === 0 ? `${text}${inputsAppendix(spec)}` : text;
}

function specTasks(spec: ProjectSpec, names: MemberNames, manager: AgentSpec | undefined): YamlTask[] {
  return spec.tasks.map((task, index) => ({
    key: names.task(task.id),
    description: withInputs(spec, index, task.description),
    expectedOutput: task.expectedOutput,
    ...(task.agent === manager?.id ? {} : { agent: names.agent(task.agent) }),
    context: task.context.map(names.task),
  }));
}

/** The ReAct adapter's one task: the spec's tasks become the steps of the lead agent's plan. */
function reactTask(spec: ProjectSpec, names: MemberNames, lead: AgentSpec): YamlTask {
  const roleOf = (agentId: string): string => spec.agents.find((agent) => agent.id === agentId)?.role ?? agentId;
  const act = spec.agents.length > 1 ? 'act by calling a tool or delegating to the coworker who owns a step' : 'act by calling a tool';
  const steps = spec.tasks.map((task, index) => `${index + 1}. ${task.description} (owner: ${roleOf(task.agent)}; expected: ${task.expectedOutput})`);
  const last = spec.tasks[spec.tasks.length - 1];
  return {
    key: REACT_TASK,
    description: withInputs(
      spec,
      0,
      `Work through this plan in a reason-act-observe loop: think about the next step, ${act}, read the result, and repeat until every step is done. Then give the final answer.\n\n${steps.join('\n')}`,
    ),
    expectedOutput: last?.expectedOutput ?? 'The final answer',
    agent: names.agent(lead.id),
    context: [],
  };
}

export function crewPlan(spec: ProjectSpec, pattern: CrewPattern): CrewPlan {
  const names = memberNames(spec, pattern === 'react' ? [REACT_TASK] : []);
  // A delegating spec agent manages the crew when there is someone to delegate to; else CrewAI's own manager.
  const manager = pattern === 'supervisor' && spec.agents.length > 1 ? spec.agents.find((agent) => agent.allowDelegation) : undefined;
  const leadId = spec.tasks[0]?.agent ?? spec.agents[0]?.id;
  const toCrewAgent = (agent: AgentSpec, allowDelegation: boolean): CrewAgent => ({ spec: agent, member: names.agent(agent.id), tools: agent.tools, allowDelegation });
  const delegates = (agent: AgentSpec): boolean => {
    if (pattern === 'react') return agent.id === leadId && spec.agents.length > 1;
    // In a hierarchical crew only the manager delegates; workers get no delegation tools.
    return pattern === 'sequential' && agent.allowDelegation;
  };
  const agents = spec.agents.filter((agent) => agent !== manager).map((agent) => toCrewAgent(agent, delegates(agent)));
  const lead = spec.agents.find((agent) => agent.id === leadId) ?? spec.agents[0];
  const tasks = pattern === 'react' && lead ? [reactTask(spec, names, lead)] : specTasks(spec, names, manager);
  return {
    pattern,
    names,
    agents,
    manager: manager && { spec: manager, member: names.agent(manager.id), tools: [], allowDelegation: true },
    tasks,
    process: pattern === 'supervisor' ? 'hierarchical' : 'sequential',
  };
}
