// src/<pkg>/workflow.py: a LlamaIndex Workflow with one step per task. In the sequential shape each
// step waits for the previous task's event; in the graph shape each step waits for the events of
// its `context` tasks (collected with ctx.collect_events) and a `finish` step joins the last tasks.
import type { ProjectSpec, TaskSpec } from '@agent-generator/contracts';
import { packageName, pyClassName, pyString } from '../shared/escape';
import { eventClassNames, eventOf, pyList } from './python-literals';

export type WorkflowShape = 'sequential' | 'graph';

const HEADER = {
  sequential: 'one step per task in spec order; each step hands its output on with an event',
  graph: 'one step per task, started by the events of the tasks in its context',
} as const;

function eventClass(name: string, taskId: string): string {
  return `class ${name}(Event):
    """Task ${taskId} is done."""

    output: str
`;
}

function sequentialStep(task: TaskSpec, index: number, context: { tasks: ReadonlyArray<TaskSpec>; events: ReadonlyMap<string, string> }): string {
  const previous = context.tasks[index - 1];
  const accepts = previous ? eventOf(context.events, previous.id) : 'StartEvent';
  const isLast = index === context.tasks.length - 1;
  const returns = isLast ? 'StopEvent' : eventOf(context.events, task.id);
  const wrap = isLast ? 'StopEvent(result=' : `${returns}(output=`;
  return `    @step
    async def task_${task.id}(self, ctx: Context, ev: ${accepts}) -> ${returns}:
        return ${wrap}await self.perform(ctx, ${pyString(task.id)}))
`;
}

function graphStep(task: TaskSpec, events: ReadonlyMap<string, string>): string {
  const dependencies = [...new Set(task.context)].map((id) => eventOf(events, id));
  const done = eventOf(events, task.id);
  const call = `${done}(output=await self.perform(ctx, ${pyString(task.id)}))`;
  if (dependencies.length <= 1) {
    return `    @step
    async def task_${task.id}(self, ctx: Context, ev: ${dependencies[0] ?? 'StartEvent'}) -> ${done}:
        return ${call}
`;
  }
  return `    @step
    async def task_${task.id}(self, ctx: Context, ev: ${dependencies.join(' | ')}) -> ${done} | None:
        if ctx.collect_events(ev, [${dependencies.join(', ')}]) is None:
            return None
        return ${call}
`;
}

/** Tasks no later task reads: the graph's ends, whose outputs form the result. */
function finalTasks(spec: ProjectSpec): ReadonlyArray<TaskSpec> {
  const read = new Set(spec.tasks.flatMap((task) => task.context));
  return spec.tasks.filter((task) => !read.has(task.id));
}

function finishStep(spec: ProjectSpec, events: ReadonlyMap<string, string>): string {
  const ends = finalTasks(spec).map((task) => eventOf(events, task.id));
  if (ends.length === 1) {
    return `    @step
    async def finish(self, ctx: Context, ev: ${ends[0]}) -> StopEvent:
        """Ends the run with the output of the last task."""
        return StopEvent(result=ev.output)
`;
  }
  return `    @step
    async def finish(self, ctx: Context, ev: ${ends.join(' | ')}) -> StopEvent | None:
        """Ends the run once every final task is done; the result joins their outputs."""
        if ctx.collect_events(ev, [${ends.join(', ')}]) is None:
            return None
        outputs = await ctx.store.get("outputs", default={})
        return StopEvent(result="\\n\\n".join(f"## {task_id}\\n\\n{outputs[task_id]}" for task_id in FINAL_TASKS))
`;
}

export function workflowPy(spec: ProjectSpec, shape: WorkflowShape): string {
  const events = eventClassNames(spec.tasks.map((task) => task.id));
  const className = workflowClassName(spec);
  const eventTasks = shape === 'graph' ? spec.tasks : spec.tasks.slice(0, -1);
  const steps =
    shape === 'graph'
      ? [...spec.tasks.map((task) => graphStep(task, events)), finishStep(spec, events)]
      : spec.tasks.map((task, index) => sequentialStep(task, index, { tasks: spec.tasks, events }));
  const ends = shape === 'graph' && finalTasks(spec).length > 1 ? `\nFINAL_TASKS = ${pyList(finalTasks(spec).map((task) => task.id))}\n` : '';
  return `"""The tasks as a LlamaIndex Workflow: ${HEADER[shape]}.

Every step runs its task with the task's agent and records the output in the shared state
(ctx.store "outputs"), so each task sees the outputs of the tasks it builds on.
"""

from __future__ import annotations

from llama_index.core.agent.workflow import BaseWorkflowAgent
from llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step

from .hooks import run_task
from .prompts import TASKS, task_prompt
${ends}

${eventTasks.map((task) => eventClass(eventOf(events, task.id), task.id)).join('\n\n')}${eventTasks.length > 0 ? '\n\n' : ''}class ${className}(Workflow):
    """Runs every task with its agent; outputs travel in events and in the shared state."""

    def __init__(self, agents: dict[str, BaseWorkflowAgent], inputs: dict[str, str], max_steps: int) -> None:
        super().__init__(timeout=None)
        self.agents = agents
        self.inputs = inputs
        self.max_steps = max_steps

    async def perform(self, ctx: Context, task_id: str) -> str:
        """Runs one task with its agent (hooks.run_task), given the outputs so far, and records its output."""
        outputs = await ctx.store.get("outputs", default={})
        agent = self.agents[TASKS[task_id].agent]
        output = await run_task(task_id, agent, task_prompt(task_id, self.inputs, outputs), self.max_steps)
        async with ctx.store.edit_state() as state:
            state["outputs"] = {**state.get("outputs", {}), task_id: output}
        return output

${steps.join('\n')}`;
}

export function workflowClassName(spec: ProjectSpec): string {
  return `${pyClassName(packageName(spec.slug))}Workflow`;
}
