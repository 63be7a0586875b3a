// src/<pkg>/config/tasks.yaml: the tasks in run order, in CrewAI's format.
import type { ProjectSpec } from '@agent-generator/contracts';
import { commentText, yamlString } from '../shared/escape';

export interface YamlTask {
  readonly key: string;
  readonly description: string;
  readonly expectedOutput: string;
  /** YAML key of the agent; absent when CrewAI's manager assigns the work. */
  readonly agent?: string;
  /** YAML keys of the tasks whose output this task receives; `[]` means none. */
  readonly context: ReadonlyArray<string>;
}

function taskEntry(task: YamlTask): string {
  const lines = [
    `${task.key}:`,
    `  description: ${yamlString(task.description)}`,
    `  expected_output: ${yamlString(task.expectedOutput)}`,
    ...(task.agent === undefined ? [] : [`  agent: ${task.agent}`]),
    `  context: [${task.context.join(', ')}]`,
  ];
  return lines.join('\n');
}

export function tasksYaml(spec: ProjectSpec, tasks: ReadonlyArray<YamlTask>): string {
  return `# Tasks of ${commentText(spec.name)}, in run order. {name} is filled from the run's inputs;
# context lists the tasks whose output a task receives.

${tasks.map(taskEntry).join('\n\n')}
`;
}
