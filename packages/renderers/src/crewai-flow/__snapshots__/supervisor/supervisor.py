"""The supervisor: it sees which tasks are ready and picks the one that runs next."""

from __future__ import annotations

import re

from crewai import Agent

from .agents import AGENTS, TASKS, build_agent, fill
from .llm import build_llm
from .settings import load_settings

# The spec's delegating agent supervises; None means the built-in supervisor below.
SUPERVISOR_ID: str | None = None
# Words the supervisor's request ends with; tests recognise its requests by them.
QUESTION = "Reply with the id of the one task that should run next, and nothing else."


def supervisor_agent(inputs: dict[str, str]) -> Agent:
    if SUPERVISOR_ID is not None:
        return build_agent(SUPERVISOR_ID, inputs, with_tools=False)
    settings = load_settings()
    return Agent(
        role="Supervisor",
        goal="Get the team's tasks done in a sensible order, each by the agent that owns it",
        backstory="You coordinate a team of agents. You hand out one task at a time and never do the work yourself.",
        llm=build_llm(settings),
        max_iter=settings.max_steps,
        verbose=False,
    )


def ready_tasks(completed: list[str]) -> list[str]:
    """Tasks not run yet whose context tasks have all finished, in config order."""
    return [
        task_id
        for task_id, task in TASKS.items()
        if task_id not in completed and all(dependency in completed for dependency in task.get("context") or [])
    ]


async def choose_next(ready: list[str], inputs: dict[str, str], completed: list[str]) -> str:
    """Asks the supervisor which ready task runs next; a reply that names none picks the first."""
    lines = [
        f"- {task_id}: {fill(TASKS[task_id]['description'], inputs)} (agent: {fill(AGENTS[TASKS[task_id]['agent']]['role'], inputs)})"
        for task_id in ready
    ]
    done = ", ".join(completed) or "none"
    prompt = "Tasks ready to run:\n" + "\n".join(lines) + f"\n\nFinished so far: {done}.\n\n{QUESTION}"
    reply = (await supervisor_agent(inputs).kickoff_async(prompt)).raw
    positions = {task_id: match.start() for task_id in ready if (match := re.search(rf"\b{re.escape(task_id)}\b", reply))}
    return min(positions, key=positions.__getitem__) if positions else ready[0]
