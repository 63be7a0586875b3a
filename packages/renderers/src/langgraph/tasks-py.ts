// src/<pkg>/tasks.py: the spec's tasks as data, and the prompts built from them.
import type { ProjectSpec, TaskSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyTuple } from './python-literals';

function taskEntry(task: TaskSpec): string {
  return `    Task(
        id=${pyString(task.id)},
        description=${pyString(task.description)},
        expected_output=${pyString(task.expectedOutput)},
        agent=${pyString(task.agent)},
        context=${pyTuple(task.context)},
    ),`;
}

export function tasksPy(spec: ProjectSpec): string {
  return `"""The tasks of this project, in spec order, and the prompts built from them."""

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
${spec.tasks.map(taskEntry).join('\n')}
)


def fill(text: str, inputs: dict[str, str]) -> str:
    """Replaces {name} placeholders of the run's inputs; other braces stay as written."""
    for name, value in inputs.items():
        text = text.replace("{" + name + "}", value)
    return text


def inputs_text(inputs: dict[str, str]) -> str:
    return "\\n".join(f"- {name}: {value}" for name, value in inputs.items())


def task_prompt(task: Task, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """A task's message: what to do, what a good answer looks like, the inputs and its context outputs."""
    parts = [f"Task {task.id}: {fill(task.description, inputs)}", "Expected output: " + fill(task.expected_output, inputs)]
    if inputs:
        parts.append("Inputs:\\n" + inputs_text(inputs))
    for dependency in task.context:
        parts.append(f"Output of task {dependency}:\\n{outputs.get(dependency, '(not available)')}")
    return "\\n\\n".join(parts)


def plan_text(inputs: dict[str, str]) -> str:
    """Every task in order with the agent it belongs to, for prompts that cover the whole job."""
    steps = [
        f"{number}. [{task.agent}] {fill(task.description, inputs)} (expected: {fill(task.expected_output, inputs)})"
        for number, task in enumerate(TASKS, start=1)
    ]
    text = "The plan:\\n" + "\\n".join(steps)
    return text + ("\\n\\nInputs:\\n" + inputs_text(inputs) if inputs else "")
`;
}
