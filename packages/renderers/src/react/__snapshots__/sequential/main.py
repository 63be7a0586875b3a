"""Each task runs its agent's own ReAct loop, in spec order, given its context tasks' outputs.

The final answer is the output of the last task.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from paper_digest.agent import react
from paper_digest.client import build_client
from paper_digest.settings import load_settings
from paper_digest.team import AGENTS, TASKS, system_prompt, task_prompt


@dataclass
class Run:
    """A finished run: the answer, each task's output, and the order the loops ran in."""

    answer: str
    outputs: dict[str, str] = field(default_factory=dict)
    trace: list[str] = field(default_factory=list)


def run(inputs: dict[str, str]) -> str:
    return execute(inputs).answer


def execute(inputs: dict[str, str]) -> Run:
    settings = load_settings()
    client = build_client(settings)
    result = Run(answer="")
    for task in TASKS:
        agent = AGENTS[task.agent]
        outcome = react(
            client,
            settings,
            system=system_prompt(agent, inputs),
            prompt=task_prompt(task, inputs, result.outputs),
            tool_ids=agent.tools,
        )
        result.outputs[task.id] = outcome.answer
        result.trace.append(task.id)
    result.answer = result.outputs[TASKS[-1].id]
    return result
