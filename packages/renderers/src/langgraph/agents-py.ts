// src/<pkg>/agents.py: the spec's agents as data, and the system prompt each one gets.
import type { AgentSpec, ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyTuple } from './python-literals';

function agentEntry(agent: AgentSpec): string {
  return `    ${pyString(agent.id)}: Agent(
        id=${pyString(agent.id)},
        role=${pyString(agent.role)},
        goal=${pyString(agent.goal)},
        backstory=${pyString(agent.backstory)},
        tools=${pyTuple(agent.tools)},
    ),`;
}

export function agentsPy(spec: ProjectSpec, packageName: string): string {
  return `"""The agents of this project: role, goal, backstory and the tools each may call."""

from __future__ import annotations

from dataclasses import dataclass

from ${packageName}.tasks import fill


@dataclass(frozen=True)
class Agent:
    id: str
    role: str
    goal: str
    backstory: str
    tools: tuple[str, ...]


AGENTS: dict[str, Agent] = {
${spec.agents.map(agentEntry).join('\n')}
}


def system_prompt(agent: Agent, inputs: dict[str, str], extra: str = "") -> str:
    """The agent's persona (role, goal, backstory) with {input} placeholders filled in."""
    parts = [f"You are {fill(agent.role, inputs)}.", f"Your goal: {fill(agent.goal, inputs)}"]
    if agent.backstory:
        parts.append(fill(agent.backstory, inputs))
    if extra:
        parts.append(extra)
    return "\\n\\n".join(parts)
`;
}
