"""The agents and tasks of this project, and the prompts built from them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Agent:
    id: str
    role: str
    goal: str
    backstory: str
    tools: tuple[str, ...]


@dataclass(frozen=True)
class Task:
    id: str
    description: str
    expected_output: str
    agent: str
    context: tuple[str, ...]


AGENTS: dict[str, Agent] = {
    "researcher": Agent(
        id="researcher",
        role="Research \"Scout\"",
        goal="Find the most relevant new papers on {topic}",
        backstory="You read arXiv every morning.\nYou never make up a citation.",
        tools=("web_search", "calculator"),
    ),
    "analyst": Agent(
        id="analyst",
        role="Analyst",
        goal="Summarise each paper's contribution and compute reading time",
        backstory="A careful reviewer who checks numbers.",
        tools=("calculator",),
    ),
    "writer": Agent(
        id="writer",
        role="Digest writer",
        goal="Write a clear weekly digest in Markdown",
        backstory="An editor who writes short, friendly prose.",
        tools=("file_write",),
    ),
}

TASKS: tuple[Task, ...] = (
    Task(
        id="find_papers",
        description="Find 3 new papers about {topic}.",
        expected_output="A list of titles with links",
        agent="researcher",
        context=(),
    ),
    Task(
        id="analyse_papers",
        description="Summarise each paper and estimate reading time.",
        expected_output="One paragraph per paper",
        agent="analyst",
        context=("find_papers",),
    ),
    Task(
        id="write_digest",
        description="Write the digest from the summaries.",
        expected_output="A Markdown digest",
        agent="writer",
        context=("analyse_papers",),
    ),
)


def fill(text: str, inputs: dict[str, str]) -> str:
    """Replaces {name} placeholders of the run's inputs; other braces stay as written."""
    for name, value in inputs.items():
        text = text.replace("{" + name + "}", value)
    return text


def inputs_text(inputs: dict[str, str]) -> str:
    return "\n".join(f"- {name}: {value}" for name, value in inputs.items())


def system_prompt(agent: Agent, inputs: dict[str, str], extra: str = "") -> str:
    """The agent's persona (role, goal, backstory) with {input} placeholders filled in."""
    parts = [f"You are {fill(agent.role, inputs)}.", f"Your goal: {fill(agent.goal, inputs)}"]
    if agent.backstory:
        parts.append(fill(agent.backstory, inputs))
    if extra:
        parts.append(extra)
    return "\n\n".join(parts)


def task_prompt(task: Task, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """A task's message: what to do, what a good answer looks like, the inputs and its context outputs."""
    parts = [f"Task {task.id}: {fill(task.description, inputs)}", "Expected output: " + fill(task.expected_output, inputs)]
    if inputs:
        parts.append("Inputs:\n" + inputs_text(inputs))
    for dependency in task.context:
        parts.append(f"Output of task {dependency}:\n{outputs.get(dependency, '(not available)')}")
    return "\n\n".join(parts)


def plan_text(inputs: dict[str, str]) -> str:
    """Every task in order with the agent it belongs to, for a prompt that covers the whole job."""
    steps = [
        f"{number}. [{task.agent}] {fill(task.description, inputs)} (expected: {fill(task.expected_output, inputs)})"
        for number, task in enumerate(TASKS, start=1)
    ]
    text = "The plan:\n" + "\n".join(steps)
    return text + ("\n\nInputs:\n" + inputs_text(inputs) if inputs else "")
