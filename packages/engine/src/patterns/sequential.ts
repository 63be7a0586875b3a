// Sequential: tasks in spec order (which lists dependencies first); each receives the outputs of
// the tasks it names as context, or else the previous task's output.
import type { TaskContextEntry } from '../prompts';
import { runTaskStep } from '../steps/task-step';
import type { PatternRunner } from './pattern-runner';

export const runSequential: PatternRunner = async (context) => {
  const outputs = new Map<string, string>();
  let previous: TaskContextEntry | undefined;
  for (const task of context.spec.tasks) {
    const taskContext: TaskContextEntry[] =
      task.context.length > 0 ? task.context.map((id) => ({ task: id, output: outputs.get(id) ?? '' })) : previous === undefined ? [] : [previous];
    const output = await runTaskStep({ context, task, taskContext });
    outputs.set(task.id, output);
    previous = { task: task.id, output };
  }
  return previous?.output ?? '';
};
