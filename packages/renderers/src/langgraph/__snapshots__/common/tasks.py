"""The tasks of this project, in spec order, and the prompts built from them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    id: str
    description: str
    expected_output: str
    agent: str
    context: tuple[str, ...]


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


def task_prompt(task: Task, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """A task's message: what to do, what a good answer looks like, the inputs and its context outputs."""
    parts = [f"Task {task.id}: {fill(task.description, inputs)}", "Expected output: " + fill(task.expected_output, inputs)]
    if inputs:
        parts.append("Inputs:\n" + inputs_text(inputs))
    for dependency in task.context:
        parts.append(f"Output of task {dependency}:\n{outputs.get(dependency, '(not available)')}")
    return "\n\n".join(parts)


def plan_text(inputs: dict[str, str]) -> str:
    """Every task in order with the agent it belongs to, for prompts that cover the whole job."""
    steps = [
        f"{number}. [{task.agent}] {fill(task.description, inputs)} (expected: {fill(task.expected_output, inputs)})"
        for number, task in enumerate(TASKS, start=1)
    ]
    text = "The plan:\n" + "\n".join(steps)
    return text + ("\n\nInputs:\n" + inputs_text(inputs) if inputs else "")
