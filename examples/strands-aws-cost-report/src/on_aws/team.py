"""Supervisor pattern: a supervisor agent whose tools are the worker agents ("agents as tools")."""

from __future__ import annotations

from strands import Agent

from .agents import TeamContext, TeamResult, build_agent, loop_options, tool_calls
from .prompts import AGENTS, TASKS, describe, persona, plan, request_text


def supervisor_prompt(inputs: dict[str, str]) -> str:
    """The supervisor's system prompt: its workers (tools), the tasks in order and how to finish."""
    workers = "\n".join(f"- {agent.id}: {describe(agent, inputs)}" for agent in AGENTS.values())
    return (
        "You are the supervisor of this team. You do not do the tasks yourself: for each task, call the "
        "worker tool that fits it, with the task and everything the worker needs from earlier answers. "
        "When every task is done, write the final answer from the workers' results.\n\n"
        f"Workers (tools):\n{workers}\n\nTasks, in order:\n{plan(inputs)}"
    )


def build_supervisor(context: TeamContext) -> Agent:
    """Each worker is an Agent with its own tools, offered to the supervisor as a tool of the same name.

    A worker starts from a clean conversation on every call; the supervisor may make at least one
    call per task (AGENT_MAX_STEPS or the number of tasks, whichever is larger).
    """
    workers = [
        build_agent(context, name=agent.id, agent_id=agent.id, system_prompt=persona(agent, context.inputs)).as_tool(
            name=agent.id, description=describe(agent, context.inputs)
        )
        for agent in AGENTS.values()
    ]
    return Agent(
        model=context.model,
        system_prompt=supervisor_prompt(context.inputs),
        tools=workers,
        name="supervisor",
        description="Delegates each task to a worker and writes the final answer.",
        **loop_options(context, "supervisor", max_steps=max(context.settings.max_steps, len(TASKS))),
    )


def run_team(context: TeamContext) -> TeamResult:
    """Runs the supervisor; the steps are the workers it called, in order."""
    supervisor = build_supervisor(context)
    answer = str(supervisor(request_text(context.inputs))).strip()
    return TeamResult(output=answer, steps=tuple(tool_calls(supervisor)))
