// The `instructions` text of each Orchestrate agent: a worker's role, goal, backstory and tasks, or
// a lead's ordered task list with the collaborator for each task. Plain text; YAML escaping happens
// when the agent file is written.
import type { AgentSpec, ProjectSpec, TaskSpec } from '@agent-generator/contracts';

const FORMAT_LABEL = { markdown: 'Markdown', text: 'plain text', json: 'JSON' } as const;

type NameOf = (agentId: string) => string;

function inputsNote(spec: ProjectSpec): string {
  if (spec.inputs.length === 0) return '';
  const inputs = spec.inputs.map((input) => {
    const fallback = input.default === undefined ? '' : `; default: ${input.default}`;
    return `- ${input.name}: ${input.description}${fallback}`;
  });
  return `\n\nWords in braces such as {${spec.inputs[0]?.name ?? ''}} stand for values from the user's request:\n${inputs.join('\n')}`;
}

function taskLine(task: TaskSpec, index: number, nameOf: NameOf): string {
  const builds = task.context.length > 0 ? `\n   Builds on the result of: ${[...new Set(task.context)].join(', ')}.` : '';
  return `${index + 1}. ${task.id} (${nameOf(task.agent)}): ${task.description}\n   Expected output: ${task.expectedOutput}${builds}`;
}

export function workerInstructions(spec: ProjectSpec, options: { agent: AgentSpec; leads: boolean; nameOf: NameOf }): string {
  const { agent, nameOf } = options;
  const own = spec.tasks.map((task, index) => ({ task, index })).filter(({ task }) => task.agent === agent.id);
  const others = spec.tasks.map((task, index) => ({ task, index })).filter(({ task }) => task.agent !== agent.id);
  const parts = [`You are ${agent.role}.\nGoal: ${agent.goal}${agent.backstory.trim() ? `\n${agent.backstory}` : ''}`];
  if (own.length > 0) parts.push(`Your tasks:\n${own.map(({ task, index }) => taskLine(task, index, nameOf)).join('\n')}`);
  if (options.leads && others.length > 0) {
    parts.push(
      `You lead this request. Do your own tasks yourself and hand every other task, in this order, to the collaborator named for it, passing on the results it builds on:\n${others.map(({ task, index }) => taskLine(task, index, nameOf)).join('\n')}\nAnswer with the result of the last task as ${FORMAT_LABEL[spec.output.format]}.`,
    );
  }
  if (agent.tools.length > 0) parts.push(`Use your tools when they help: ${agent.tools.join(', ')}. Think, act with a tool, look at the result, and repeat until the task is done.`);
  return parts.join('\n\n') + inputsNote(spec);
}

export function leadInstructions(spec: ProjectSpec, options: { role: 'supervisor' | 'sequential'; nameOf: NameOf }): string {
  const tasks = spec.tasks.map((task, index) => taskLine(task, index, options.nameOf)).join('\n');
  const format = FORMAT_LABEL[spec.output.format];
  const opening =
    options.role === 'supervisor'
      ? `You lead the agents of "${spec.name}". Do not do the tasks yourself: delegate each task to the collaborator named for it, give it the user's request and the results it builds on, and check its answer against the expected output.`
      : `You run the "${spec.name}" pipeline. Call your collaborators strictly in the order below, one at a time, and wait for each result before the next step. Never skip or reorder a step. Pass each collaborator the user's request and the results of the steps it builds on.`;
  return `${opening}\n\nTasks:\n${tasks}\n\nWhen every task is done, answer with the result of the last task as ${format}.${inputsNote(spec)}`;
}
