// Python shared by the two Strands patterns built on the multi-agent Graph (sequential and graph):
// one agent per task (with the graph's task-step hooks when a run records events), an all-of join
// condition for edges, and reading a finished graph.

/** Imports and helper functions placed at the top of team.py; `{docstring}` is the module's. */
export function graphHelpersPy(docstring: string): string {
  return `"""${docstring}"""

from __future__ import annotations

from collections.abc import Callable

from strands.multiagent import GraphBuilder, GraphResult, Status
from strands.multiagent.graph import Graph, GraphState

from . import events
from .agents import TeamContext, TeamResult, build_agent
from .event_hooks import TaskEvents, node_text
from .prompts import AGENTS, TASKS, persona, request_text, task_instruction


def after_all(required: frozenset[str]) -> Callable[[GraphState], bool]:
    """An edge condition that holds once every task in \`required\` has finished.

    A Strands node starts as soon as one incoming edge is satisfied; giving all edges into a task
    this condition makes the task wait for all of its sources instead.
    """

    def ready(state: GraphState) -> bool:
        return required <= {node.node_id for node in state.completed_nodes}

    return ready


def add_task_nodes(builder: GraphBuilder, context: TeamContext) -> None:
    """One node per task, named after it: an agent playing the task's agent with the task's instruction.

    With live events on, the graph's node hooks report each task as a step.
    """
    for task in TASKS:
        system_prompt = persona(AGENTS[task.agent], context.inputs) + "\\n\\n" + task_instruction(task, context.inputs)
        agent = build_agent(context, name=task.id, agent_id=task.agent, system_prompt=system_prompt, task_id=task.id)
        builder.add_node(agent, task.id)
    if events.enabled():
        builder.set_hook_providers([TaskEvents(context.step_ids)])


def node_output(result: GraphResult, task_id: str) -> str:
    return node_text(result.results[task_id])


def finished(result: GraphResult) -> tuple[str, ...]:
    """The task ids in the order they ran; raises when the graph did not complete."""
    if result.status != Status.COMPLETED:
        failed = [task.id for task in TASKS if task.id not in result.results]
        raise RuntimeError(f"the task graph stopped with status {result.status.value}; not finished: {', '.join(failed)}")
    return tuple(node.node_id for node in result.execution_order)
`;
}
