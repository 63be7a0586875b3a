// The texts the engine sends to the model: an agent's persona, a task, the team's plan.
import type { AgentSpec, ProjectSpec, TaskSpec } from '@agent-generator/contracts';

/** An agent's system prompt: its role, goal and backstory. */
export function personaPrompt(agent: AgentSpec): string {
  const lines = [`You are ${agent.role}.`, `Your goal: ${agent.goal}`];
  if (agent.backstory.trim().length > 0) lines.push(`Background: ${agent.backstory}`);
  lines.push('Use the tools you are given when they help; answer plainly when you are done.');
  return lines.join('\n');
}

export interface TaskContextEntry {
  readonly task: string;
  readonly output: string;
}

/** The user message of one task: what to do, what to deliver, the input and earlier outputs. */
export function taskPrompt(options: { readonly task: TaskSpec; readonly input: string; readonly context: ReadonlyArray<TaskContextEntry> }): string {
  const parts = [`Task: ${options.task.description}`, `Expected output: ${options.task.expectedOutput}`, `Input: ${options.input}`];
  for (const entry of options.context) parts.push(`Output of the earlier task "${entry.task}":\n${entry.output}`);
  return parts.join('\n\n');
}

/** Every task in spec order, for the agents that see the whole job (supervisor, ReAct, group chat). */
export function planText(spec: ProjectSpec): string {
  return spec.tasks.map((task, index) => `${index + 1}. ${task.description} (expected: ${task.expectedOutput}; suited to: ${task.agent})`).join('\n');
}

/** The request the whole team works on: the user's input and the plan. */
export function requestText(spec: ProjectSpec, input: string): string {
  return `Input: ${input}\n\nTasks:\n${planText(spec)}`;
}
