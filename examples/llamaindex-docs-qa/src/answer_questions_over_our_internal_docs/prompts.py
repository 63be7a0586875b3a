"""The spec's agents and tasks, and the functions that turn them into prompts."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class AgentText:
    """One agent of the spec: role, goal, backstory and the ids of its tools."""

    role: str
    goal: str
    backstory: str
    tools: tuple[str, ...]


@dataclass(frozen=True)
class TaskText:
    """One task: the agent that does it, what to do and deliver, and the earlier tasks it reads."""

    agent: str
    description: str
    expected_output: str
    context: tuple[str, ...]


AGENTS: dict[str, AgentText] = {
    "researcher": AgentText(
        role="Researcher",
        goal="Find reliable, current information about {request}",
        backstory="A meticulous researcher who checks every claim against its source and never invents a citation.",
        tools=("file_read",),
    ),
    "assistant": AgentText(
        role="Support assistant",
        goal="Answer {request} accurately and helpfully",
        backstory="A patient support specialist who answers from the knowledge available, says so when an answer is unknown, and keeps replies short.",
        tools=("vector_search",),
    ),
}

TASKS: dict[str, TaskText] = {
    "research_task": TaskText(
        agent="researcher",
        description="Research {request}. Collect the facts, figures and sources the rest of the team needs.",
        expected_output="A list of findings, each with its source (title and link, or document name).",
        context=(),
    ),
    "answer_task": TaskText(
        agent="assistant",
        description="Answer {request} using the information gathered so far. Say plainly when something is not known.\nFrom the brief: “Answer questions over our internal docs knowledge base”",
        expected_output="A direct answer to the request, with the sources it relies on.",
        context=("research_task",),
    ),
}

FINAL_TASK = "answer_task"
OUTPUT_FORMAT = "Markdown"

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(text: str, inputs: dict[str, str]) -> str:
    """Replaces {name} with the value of input `name`; any other braces stay as written."""
    return _PLACEHOLDER.sub(lambda match: inputs.get(match.group(1), match.group(0)), text)


def system_prompt(agent_id: str, inputs: dict[str, str]) -> str:
    """Who the agent is: its role, goal and backstory."""
    agent = AGENTS[agent_id]
    lines = [f"You are {fill(agent.role, inputs)}.", f"Your goal: {fill(agent.goal, inputs)}"]
    if agent.backstory.strip():
        lines.append(fill(agent.backstory, inputs))
    return "\n".join(lines)


def describe_agent(agent_id: str, inputs: dict[str, str]) -> str:
    """One line that tells other agents what this agent is for."""
    agent = AGENTS[agent_id]
    return f"{fill(agent.role, inputs)}: {fill(agent.goal, inputs)}"


def describe_task(task_id: str, inputs: dict[str, str]) -> str:
    """The task's description and the output it must deliver."""
    task = TASKS[task_id]
    return f"{fill(task.description, inputs)} Expected output: {fill(task.expected_output, inputs)}"


def inputs_text(inputs: dict[str, str]) -> str:
    """The run's inputs as a bullet list."""
    return "\n".join(f"- {name}: {value}" for name, value in inputs.items()) or "- (none)"


def task_prompt(task_id: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """The message that asks an agent to do one task, with the outputs of the tasks it builds on."""
    task = TASKS[task_id]
    parts = [
        f"Task {task_id}: {fill(task.description, inputs)}",
        f"Expected output: {fill(task.expected_output, inputs)}",
        f"Inputs:\n{inputs_text(inputs)}",
    ]
    for dependency in task.context:
        parts.append(f"Output of task {dependency}:\n{outputs.get(dependency, '(not available)')}")
    if task_id == FINAL_TASK:
        parts.append(f"Write the answer as {OUTPUT_FORMAT}.")
    return "\n\n".join(parts)
