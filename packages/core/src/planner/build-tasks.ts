// One task per agent, in team order, each receiving the previous task's output.
import type { ProjectSpecInput } from '@agent-generator/contracts';
import type { PlannedAgent } from './build-agents';
import { templateOf } from './role-templates';
import { uniqueIdentifier } from './text-helpers';

type TaskInput = ProjectSpecInput['tasks'][number];

interface TaskOptions {
  readonly agents: ReadonlyArray<PlannedAgent>;
  readonly subject: string;
  readonly used: Set<string>;
}

function textsOf(agent: PlannedAgent, subject: string): { description: string; expectedOutput: string } {
  const { kind, name } = agent.member;
  const brief = agent.clause ? `\nFrom the brief: “${agent.clause}”` : '';
  if (!kind) {
    const role = name ?? agent.spec.role;
    return {
      description: `As the ${role}, do your part of the work on ${subject} and hand a clear result to the next step.${brief}`,
      expectedOutput: `The ${role}'s results, ready for the next step.`,
    };
  }
  const template = templateOf(kind);
  return { description: `${template.task.replaceAll('{subject}', subject)}${brief}`, expectedOutput: template.expectedOutput };
}

export function buildTasks(options: TaskOptions): TaskInput[] {
  const tasks: TaskInput[] = [];
  let previous: string | undefined;
  for (const agent of options.agents) {
    const { kind, name } = agent.member;
    const base = kind && !name ? templateOf(kind).taskId : `${agent.spec.id.slice(0, 43)}_task`;
    const id = uniqueIdentifier(base, options.used);
    tasks.push({ id, ...textsOf(agent, options.subject), agent: agent.spec.id, context: previous ? [previous] : [] });
    previous = id;
  }
  return tasks;
}
