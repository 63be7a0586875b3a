// src/<pkg>/flow.py for the sequential and graph patterns: one step per task, wired by @start and
// @listen (and_ for several dependencies), then a deliver step that assembles the answer.
import type { ProjectSpec, TaskSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyList } from '../crewai/python-literals';
import { flowClassHead, flowNames, flowStatePy, stepName } from './flow-state-py';

export type TaskFlowPattern = 'sequential' | 'graph';

/** The steps a task waits for: the previous task (sequential) or its context tasks (graph). */
function triggers(spec: ProjectSpec, task: TaskSpec, pattern: TaskFlowPattern): string[] {
  if (pattern === 'graph') return task.context.map(stepName);
  const index = spec.tasks.indexOf(task);
  const previous = spec.tasks[index - 1];
  return previous ? [stepName(previous.id)] : [];
}

function decorator(names: ReadonlyArray<string>): string {
  if (names.length === 0) return '@start()';
  return names.length === 1 ? `@listen(${names[0]})` : `@listen(and_(${names.join(', ')}))`;
}

/** Tasks whose output is the answer: the last task (sequential) or every task nothing depends on (graph). */
export function finalTasks(spec: ProjectSpec, pattern: TaskFlowPattern): string[] {
  if (pattern === 'sequential') return spec.tasks.slice(-1).map((task) => task.id);
  const needed = new Set(spec.tasks.flatMap((task) => task.context));
  return spec.tasks.filter((task) => !needed.has(task.id)).map((task) => task.id);
}

const DOCS: Record<TaskFlowPattern, string> = {
  sequential: 'Sequential: each task starts when the one before it has finished and receives the outputs of its context tasks.',
  graph: 'Graph: one node per task; a task starts when every task in its context has finished (tasks without context start at once, in parallel).',
};

export function taskFlowPy(spec: ProjectSpec, options: { packageName: string; pattern: TaskFlowPattern }): string {
  const { flow, state } = flowNames(options.packageName);
  const steps = spec.tasks.map(
    (task) => `    ${decorator(triggers(spec, task, options.pattern))}
    async def ${stepName(task.id)}(self) -> str:
        return await self._run(${pyString(task.id)})`,
  );
  const finals = finalTasks(spec, options.pattern);
  const usesAnd = steps.some((step) => step.includes('and_('));
  return `"""Flow steps and state. ${DOCS[options.pattern]}"""

from __future__ import annotations

from crewai.flow.flow import Flow, ${usesAnd ? 'and_, ' : ''}listen, start
from pydantic import BaseModel, Field

from .agents import run_task

# The tasks whose outputs make up the final answer.
FINAL_TASKS = ${pyList(finals)}


${flowStatePy(state)}


${flowClassHead({ flowClass: flow, stateClass: state, doc: DOCS[options.pattern] })}

${steps.join('\n\n')}

    ${decorator(finals.map(stepName))}
    def deliver(self) -> str:
        self.state.answer = "\\n\\n".join(self.state.outputs[task_id] for task_id in FINAL_TASKS)
        return self.state.answer
`;
}
