// graph.py for the sequential and graph patterns: one node per task, edges in spec order or from `context`.
import type { ProjectSpec, TaskSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyList, pyTuple } from './python-literals';

type TaskPattern = 'sequential' | 'graph';

/** Tasks no later task depends on: their outputs together are the run's result. */
export function sinkTasks(spec: ProjectSpec): TaskSpec[] {
  const dependedOn = new Set(spec.tasks.flatMap((task) => task.context));
  return spec.tasks.filter((task) => !dependedOn.has(task.id));
}

function sequentialEdges(spec: ProjectSpec): string[] {
  const ids = spec.tasks.map((task) => pyString(task.id));
  return ['START', ...ids].map((from, index) => `builder.add_edge(${from}, ${ids[index] ?? 'END'})`);
}

// A task with several dependencies waits for all of them (a list edge is LangGraph's join);
// tasks that share a dependency run in parallel in the same step.
function dependencyEdges(spec: ProjectSpec): string[] {
  const edges = spec.tasks.map((task) => {
    const [only, ...rest] = task.context;
    if (only === undefined) return `builder.add_edge(START, ${pyString(task.id)})`;
    const from = rest.length === 0 ? pyString(only) : pyList(task.context);
    return `builder.add_edge(${from}, ${pyString(task.id)})`;
  });
  return [...edges, ...sinkTasks(spec).map((task) => `builder.add_edge(${pyString(task.id)}, END)`)];
}

const DESCRIPTIONS: Record<TaskPattern, string> = {
  sequential: `one node per task, run in spec order.

Each task receives the outputs of its context tasks; the shared state carries the run's inputs
and every finished task's output.`,
  graph: `one node per task, with an edge from each of its context tasks.

Tasks that share a dependency run in parallel; a task with several dependencies waits for all of
them. The shared state carries the run's inputs and every finished task's output; the result is
the output of the tasks nothing depends on.`,
};

export function taskGraphPy(spec: ProjectSpec, options: { packageName: string; pattern: TaskPattern }): string {
  const { packageName, pattern } = options;
  const edges = pattern === 'sequential' ? sequentialEdges(spec) : dependencyEdges(spec);
  const resultTasks = pattern === 'sequential' ? spec.tasks.slice(-1) : sinkTasks(spec);
  return `"""The LangGraph workflow: ${DESCRIPTIONS[pattern]}
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, TypedDict

from langgraph.graph import END, START, StateGraph

from ${packageName}.agent_loop import ModelFactory, run_agent
from ${packageName}.agents import AGENTS
from ${packageName}.event_hooks import Step
from ${packageName}.llm import build_chat_model
from ${packageName}.settings import Settings, load_settings
from ${packageName}.tasks import TASKS, Task, task_prompt

# The tasks whose outputs make up the final result.
RESULT_TASKS = ${pyTuple(resultTasks.map((task) => task.id))}
# For live events: each task node is a task step; its agent's loop inside it is an agent step.
STEP_NODES: dict[str, Step] = {task.id: Step("task", agent=task.agent, task=task.id) for task in TASKS}


def merge_outputs(left: dict[str, str], right: dict[str, str]) -> dict[str, str]:
    return {**left, **right}


class State(TypedDict):
    inputs: dict[str, str]
    outputs: Annotated[dict[str, str], merge_outputs]
    trace: Annotated[list[str], operator.add]


def task_node(task: Task, model: ModelFactory, settings: Settings) -> Callable[[State], dict[str, Any]]:
    """A node that runs the task's agent on the task, given the outputs of its context tasks."""

    def node(state: State) -> dict[str, Any]:
        prompt = task_prompt(task, state["inputs"], state["outputs"])
        answer = run_agent(model, agent=AGENTS[task.agent], prompt=prompt, inputs=state["inputs"], max_steps=settings.max_steps)
        return {"outputs": {task.id: answer}, "trace": [task.id]}

    return node


def build_graph(settings: Settings | None = None) -> Any:
    """Compiles the workflow; the chat model is created on first use, so importing needs no credentials."""
    settings = settings or load_settings()
    model = cache(lambda: build_chat_model(settings))
    builder = StateGraph(State)
    for task in TASKS:
        builder.add_node(task.id, task_node(task, model, settings))
${edges.map((edge) => `    ${edge}`).join('\n')}
    return builder.compile()


def initial_state(inputs: dict[str, str]) -> dict[str, Any]:
    return {"inputs": inputs, "outputs": {}, "trace": []}


def recursion_limit(settings: Settings) -> int:
    return len(TASKS) + 2


def final_output(state: dict[str, Any]) -> str:
    return "\\n\\n".join(state["outputs"].get(task_id, "") for task_id in RESULT_TASKS).strip()


# The graph \`langgraph dev\` serves (see langgraph.json).
graph = build_graph()
`;
}
