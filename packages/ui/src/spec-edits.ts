// Pure edits of a ProjectSpec that the spec editor makes; each returns a new spec that stays valid.
import type { AgentSpec, ProjectSpec, TaskSpec, ToolId } from '@agent-generator/contracts';

export type AgentPatch = Partial<Pick<AgentSpec, 'role' | 'goal' | 'backstory'>>;
export type TaskPatch = Partial<Pick<TaskSpec, 'description' | 'expectedOutput' | 'agent'>>;

export function updateAgent(spec: ProjectSpec, change: { readonly agentId: string; readonly patch: AgentPatch }): ProjectSpec {
  return { ...spec, agents: spec.agents.map((agent) => (agent.id === change.agentId ? { ...agent, ...change.patch } : agent)) };
}

export function updateTask(spec: ProjectSpec, change: { readonly taskId: string; readonly patch: TaskPatch }): ProjectSpec {
  return { ...spec, tasks: spec.tasks.map((task) => (task.id === change.taskId ? { ...task, ...change.patch } : task)) };
}

/** Moves a task up (-1) or down (+1); context links that would point forward are dropped. */
export function moveTask(spec: ProjectSpec, move: { readonly taskId: string; readonly delta: -1 | 1 }): ProjectSpec {
  const from = spec.tasks.findIndex((task) => task.id === move.taskId);
  const to = from + move.delta;
  if (from < 0 || to < 0 || to >= spec.tasks.length) return spec;
  const tasks = [...spec.tasks];
  const [moved] = tasks.splice(from, 1);
  if (!moved) return spec;
  tasks.splice(to, 0, moved);
  const seen = new Set<string>();
  const ordered = tasks.map((task) => {
    const context = task.context.filter((id) => seen.has(id));
    seen.add(task.id);
    return context.length === task.context.length ? task : { ...task, context };
  });
  return { ...spec, tasks: ordered };
}

/** Adds the tool to the agent (and to the spec's tool list) or removes it; unused tools leave the list. */
export function toggleAgentTool(spec: ProjectSpec, change: { readonly agentId: string; readonly tool: ToolId }): ProjectSpec {
  const agents = spec.agents.map((agent) => {
    if (agent.id !== change.agentId) return agent;
    const has = agent.tools.includes(change.tool);
    return { ...agent, tools: has ? agent.tools.filter((tool) => tool !== change.tool) : [...agent.tools, change.tool] };
  });
  const used = new Set(agents.flatMap((agent) => agent.tools));
  const kept = spec.tools.filter((tool) => used.has(tool.id));
  const added = [...used].filter((id) => !kept.some((tool) => tool.id === id)).map((id) => ({ id, config: {} }));
  return { ...spec, agents, tools: [...kept, ...added] };
}

/** Every tool the spec uses, in first-use order. */
export function toolsInUse(spec: ProjectSpec): ReadonlyArray<ToolId> {
  return [...new Set(spec.agents.flatMap((agent) => agent.tools))];
}
