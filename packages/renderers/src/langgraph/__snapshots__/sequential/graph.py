"""The LangGraph workflow: one node per task, run in spec order.

Each task receives the outputs of its context tasks; the shared state carries the run's inputs
and every finished task's output.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, TypedDict

from langgraph.graph import END, START, StateGraph

from paper_digest.agent_loop import ModelFactory, run_agent
from paper_digest.agents import AGENTS
from paper_digest.event_hooks import Step
from paper_digest.llm import build_chat_model
from paper_digest.settings import Settings, load_settings
from paper_digest.tasks import TASKS, Task, task_prompt

# The tasks whose outputs make up the final result.
RESULT_TASKS = ("write_digest",)
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
    builder.add_edge(START, "find_papers")
    builder.add_edge("find_papers", "analyse_papers")
    builder.add_edge("analyse_papers", "write_digest")
    builder.add_edge("write_digest", END)
    return builder.compile()


def initial_state(inputs: dict[str, str]) -> dict[str, Any]:
    return {"inputs": inputs, "outputs": {}, "trace": []}


def recursion_limit(settings: Settings) -> int:
    return len(TASKS) + 2


def final_output(state: dict[str, Any]) -> str:
    return "\n\n".join(state["outputs"].get(task_id, "") for task_id in RESULT_TASKS).strip()


# The graph `langgraph dev` serves (see langgraph.json).
graph = build_graph()
