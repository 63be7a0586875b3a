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
        id="planning_task",
        description="Plan the work on {request}: split it into steps, decide which specialist handles each one and what they must hand back.",
        expected_output="A short plan naming each step, the specialist responsible and the result expected from them.",
        agent="supervisor",
        context=(),
    ),
    Task(
        id="research_task",
        description="Research {request}. Collect the facts, figures and sources the rest of the team needs.\nFrom the brief: “delegates customer questions to a knowledge base researcher”",
        expected_output="A list of findings, each with its source (title and link, or document name).",
        agent="researcher",
        context=("planning_task",),
    ),
    Task(
        id="answer_task",
        description="Answer {request} using the information gathered so far. Say plainly when something is not known.\nFrom the brief: “drafts replies”",
        expected_output="A direct answer to the request, with the sources it relies on.",
        agent="assistant",
        context=("research_task",),
    ),
    Task(
        id="analysis_task",
        description="Analyse the material on {request}: extract the key points, compare them and work out any figures.",
        expected_output="A structured analysis: key points, comparisons and figures, each traced to its source.",
        agent="analyst",
        context=("answer_task",),
    ),
    Task(
        id="writing_task",
        description="Write the final result about {request} from the team's work, in Markdown.\nFrom the brief: “a writer”",
        expected_output="A well-structured Markdown document ready to share.",
        agent="writer",
        context=("analysis_task",),
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
