// Orders a task graph in waves: every task after all its dependencies, ties kept in spec order.
import type { TaskSpec } from '@agent-generator/contracts';

/** Tasks sorted by depth in the dependency graph (depth 0 = no dependencies), then by spec order. */
export function orderInWaves(tasks: ReadonlyArray<TaskSpec>): ReadonlyArray<TaskSpec> {
  const depth = new Map<string, number>();
  // The spec only lets a task depend on earlier tasks, so one pass in spec order sees every dependency first.
  for (const task of tasks) depth.set(task.id, Math.max(-1, ...task.context.map((id) => depth.get(id) ?? 0)) + 1);
  return tasks
    .map((task, index) => ({ task, index, depth: depth.get(task.id) ?? 0 }))
    .sort((left, right) => left.depth - right.depth || left.index - right.index)
    .map((entry) => entry.task);
}

/** Tasks no other task depends on: their outputs together are the graph's result. */
export function sinkTasks(tasks: ReadonlyArray<TaskSpec>): ReadonlyArray<TaskSpec> {
  const used = new Set(tasks.flatMap((task) => task.context));
  return tasks.filter((task) => !used.has(task.id));
}
