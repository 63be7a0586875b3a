"""Each task runs its agent's own ReAct loop, in spec order, given its context tasks' outputs.

The final answer is the output of the last task.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openai import OpenAI

from paper_digest import events
from paper_digest.agent import react
from paper_digest.client import build_client
from paper_digest.settings import Settings, load_settings
from paper_digest.team import AGENTS, TASKS, Task, system_prompt, task_prompt


@dataclass
class Run:
    """A finished run: the answer, each task's output, and the order the loops ran in."""

    answer: str
    outputs: dict[str, str] = field(default_factory=dict)
    trace: list[str] = field(default_factory=list)


def run(inputs: dict[str, str]) -> str:
    return execute(inputs).answer


def run_task(client: OpenAI, settings: Settings, task: Task, context: tuple[dict[str, str], dict[str, str]]) -> str:
    """Runs the task's agent loop on the task; with live events on, a task step around its agent step."""
    inputs, outputs = context
    agent = AGENTS[task.agent]
    step = f"task:{task.id}"
    events.step_start(step, "task", agent=agent.id, task=task.id)
    answer: str | None = None
    try:
        answer = react(
            client,
            settings,
            agent=agent.id,
            system=system_prompt(agent, inputs),
            prompt=task_prompt(task, inputs, outputs),
            tool_ids=agent.tools,
            step_id=f"{step}/agent:{agent.id}",
        ).answer
        return answer
    finally:
        events.step_end(step, answer)


def execute(inputs: dict[str, str]) -> Run:
    settings = load_settings()
    client = build_client(settings)
    result = Run(answer="")
    for task in TASKS:
        result.outputs[task.id] = run_task(client, settings, task, (inputs, result.outputs))
        result.trace.append(task.id)
    result.answer = result.outputs[TASKS[-1].id]
    return result
