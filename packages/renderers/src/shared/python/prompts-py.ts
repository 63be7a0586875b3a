// src/<pkg>/prompts.py of an AutoGen or Strands project: the spec's agents and tasks as Python data, plus the
// texts (system messages, task instructions, opening message) built from them at run time.
import type { AgentSpec, ProjectSpec, TaskSpec } from '@agent-generator/contracts';
import { pyString } from '../escape';

function pyTuple(values: ReadonlyArray<string>): string {
  if (values.length === 0) return '()';
  const items = values.map((value) => pyString(value));
  return values.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

function agentEntry(agent: AgentSpec): string {
  return `    ${pyString(agent.id)}: AgentSpec(
        id=${pyString(agent.id)},
        role=${pyString(agent.role)},
        goal=${pyString(agent.goal)},
        backstory=${pyString(agent.backstory)},
        tools=${pyTuple(agent.tools)},
    ),`;
}

function taskEntry(task: TaskSpec): string {
  return `    TaskSpec(
        id=${pyString(task.id)},
        agent=${pyString(task.agent)},
        description=${pyString(task.description)},
        expected_output=${pyString(task.expectedOutput)},
        context=${pyTuple(task.context)},
    ),`;
}

export function promptsPy(spec: ProjectSpec): string {
  return `"""The agents and tasks of this project as data, and the texts the agents are given.

All texts come from the project spec. {name} placeholders of the project's inputs are filled in at
run time; any other braces stay as written.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgentSpec:
    """One agent: who it is and which tools (ids in tools.TOOLS) it may call."""

    id: str
    role: str
    goal: str
    backstory: str
    tools: tuple[str, ...]


@dataclass(frozen=True)
class TaskSpec:
    """One task: what to do, which agent does it and which earlier tasks' outputs it builds on."""

    id: str
    agent: str
    description: str
    expected_output: str
    context: tuple[str, ...]


PROJECT = ${pyString(spec.name)}
IDEA = ${pyString(spec.idea)}

AGENTS: dict[str, AgentSpec] = {
${spec.agents.map(agentEntry).join('\n')}
}

TASKS: tuple[TaskSpec, ...] = (
${spec.tasks.map(taskEntry).join('\n')}
)


def fill(text: str, inputs: dict[str, str]) -> str:
    """Replaces {name} placeholders of the given inputs; other braces stay as written."""
    for name, value in inputs.items():
        text = text.replace("{" + name + "}", value)
    return text


def persona(agent: AgentSpec, inputs: dict[str, str]) -> str:
    """The part of a system message that says who the agent is."""
    lines = [f"You are {fill(agent.role, inputs)}.", f"Your goal: {fill(agent.goal, inputs)}"]
    if agent.backstory:
        lines.append(fill(agent.backstory, inputs))
    return "\\n".join(lines)


def describe(agent: AgentSpec, inputs: dict[str, str]) -> str:
    """One line naming the agent's role and goal (what other agents see of it)."""
    return f"{fill(agent.role, inputs)}: {fill(agent.goal, inputs)}"


def task_instruction(task: TaskSpec, inputs: dict[str, str]) -> str:
    """What a task asks for, its expected output and the tasks whose outputs it builds on."""
    lines = [f"Task {task.id}: {fill(task.description, inputs)}", f"Expected output: {fill(task.expected_output, inputs)}"]
    if task.context:
        lines.append("Build on the output of: " + ", ".join(task.context) + ".")
    return "\\n".join(lines)


def plan(inputs: dict[str, str]) -> str:
    """Every task in order, with the agent it belongs to."""
    return "\\n\\n".join(f"{task_instruction(task, inputs)}\\nAgent: {task.agent}" for task in TASKS)


def request_text(inputs: dict[str, str]) -> str:
    """The opening message of a run: the project, its purpose and the inputs."""
    lines = [f"Project: {PROJECT}", IDEA, "", "Inputs:"]
    lines += [f"- {name}: {value}" for name, value in inputs.items()]
    return "\\n".join(lines)
`;
}
