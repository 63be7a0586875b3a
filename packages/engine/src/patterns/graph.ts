// Graph: the tasks form a dependency DAG; they run wave by wave (deterministically, one at a time),
// each seeing only the outputs of its own dependencies; the end nodes' outputs are the answer.
import { runTaskStep } from '../steps/task-step';
import type { PatternRunner } from './pattern-runner';
import { orderInWaves, sinkTasks } from './task-waves';

export const runGraph: PatternRunner = async (context) => {
  const outputs = new Map<string, string>();
  for (const task of orderInWaves(context.spec.tasks)) {
    const taskContext = task.context.map((id) => ({ task: id, output: outputs.get(id) ?? '' }));
    outputs.set(task.id, await runTaskStep({ context, task, taskContext }));
  }
  const ends = sinkTasks(context.spec.tasks);
  if (ends.length === 1 && ends[0] !== undefined) return outputs.get(ends[0].id) ?? '';
  return ends.map((task) => `## ${task.id}\n\n${outputs.get(task.id) ?? ''}`).join('\n\n');
};
