// src/<pkg>/team.py: the spec's agents and tasks as data, and the prompts built from them.
import type { AgentSpec, ProjectSpec, TaskSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';

function pyTuple(values: ReadonlyArray<string>): string {
  const items = values.map(pyString);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

function agentEntry(agent: AgentSpec): string {
  return `    ${pyString(agent.id)}: Agent(
        id=${pyString(agent.id)},
        role=${pyString(agent.role)},
        goal=${pyString(agent.goal)},
        backstory=${pyString(agent.backstory)},
        tools=${pyTuple(agent.tools)},
    ),`;
}

function taskEntry(task: TaskSpec): string {
  return `    Task(
        id=${pyString(task.id)},
        description=${pyString(task.description)},
        expected_output=${pyString(task.expectedOutput)},
        agent=${pyString(task.agent)},
        context=${pyTuple(task.context)},
    ),`;
}

export function teamPy(spec: ProjectSpec): string {
  return `"""The agents and tasks of this project, and the prompts built from them."""

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
${spec.agents.map(agentEntry).join('\n')}
}

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


def system_prompt(agent: Agent, inputs: dict[str, str], extra: str = "") -> str:
    """The agent's persona (role, goal, backstory) with {input} placeholders filled in."""
    parts = [f"You are {fill(agent.role, inputs)}.", f"Your goal: {fill(agent.goal, inputs)}"]
    if agent.backstory:
        parts.append(fill(agent.backstory, inputs))
    if extra:
        parts.append(extra)
    return "\\n\\n".join(parts)


def task_prompt(task: Task, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """A task's message: what to do, what a good answer looks like, the inputs and its context outputs."""
    parts = [f"Task {task.id}: {fill(task.description, inputs)}", "Expected output: " + fill(task.expected_output, inputs)]
    if inputs:
        parts.append("Inputs:\\n" + inputs_text(inputs))
    for dependency in task.context:
        parts.append(f"Output of task {dependency}:\\n{outputs.get(dependency, '(not available)')}")
    return "\\n\\n".join(parts)


def plan_text(inputs: dict[str, str]) -> str:
    """Every task in order with the agent it belongs to, for a prompt that covers the whole job."""
    steps = [
        f"{number}. [{task.agent}] {fill(task.description, inputs)} (expected: {fill(task.expected_output, inputs)})"
        for number, task in enumerate(TASKS, start=1)
    ]
    text = "The plan:\\n" + "\\n".join(steps)
    return text + ("\\n\\nInputs:\\n" + inputs_text(inputs) if inputs else "")
`;
}
