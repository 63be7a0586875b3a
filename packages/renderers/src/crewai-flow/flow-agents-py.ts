// src/<pkg>/agents.py of a CrewAI Flow project: agents and task prompts built from the YAML config.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyListDict } from '../crewai/python-literals';

export function flowAgentsPy(spec: ProjectSpec): string {
  const tools = pyListDict(spec.agents.map((agent) => [agent.id, agent.tools] as const));
  return `"""The flow's agents and task prompts, built from config/agents.yaml and config/tasks.yaml."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from crewai import Agent

from .crewai_events import name_agent
from .llm import build_llm
from .settings import load_settings
from .tools.crewai_tools import crewai_tools

CONFIG_DIR = Path(__file__).parent / "config"
# The tools (tools/<id>.py) each agent may call.
AGENT_TOOLS: dict[str, list[str]] = ${tools}
# CrewAI's placeholder syntax: {name} is replaced when name is an input and left alone otherwise.
PLACEHOLDER = re.compile(r"\\{([A-Za-z_][A-Za-z0-9_\\-]*)\\}")


def _load(name: str) -> dict[str, dict[str, Any]]:
    with open(CONFIG_DIR / name, encoding="utf-8") as file:
        return yaml.safe_load(file) or {}


AGENTS = _load("agents.yaml")
TASKS = _load("tasks.yaml")


def fill(text: str, inputs: dict[str, str]) -> str:
    """Fills {name} with the input's value in one pass; any other {...} stays as written."""
    return PLACEHOLDER.sub(lambda match: inputs.get(match.group(1), match.group(0)), text)


def build_agent(agent_id: str, inputs: dict[str, str], *, with_tools: bool = True, allow_delegation: bool = False) -> Agent:
    """The agent of config/agents.yaml with the inputs filled in, its tools and the model.
    max_iter bounds its reason-act-observe loop; live events name it by agent_id."""
    config = AGENTS[agent_id]
    settings = load_settings()
    agent = Agent(
        role=fill(config["role"], inputs),
        goal=fill(config["goal"], inputs),
        backstory=fill(config["backstory"], inputs),
        llm=build_llm(settings),
        tools=crewai_tools(AGENT_TOOLS[agent_id]) if with_tools else [],
        allow_delegation=allow_delegation,
        max_iter=settings.max_steps,
        verbose=False,
    )
    return name_agent(agent, agent_id)


def task_prompt(task_id: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """One task's request: description, expected output, the inputs it does not mention, and the
    outputs of the tasks in its context."""
    task = TASKS[task_id]
    written = task["description"] + task["expected_output"]
    parts = [fill(task["description"], inputs), "Expected output: " + fill(task["expected_output"], inputs)]
    unmentioned = [name for name in inputs if "{" + name + "}" not in written]
    if unmentioned:
        parts.append("Inputs:\\n" + "\\n".join(f"- {name}: {inputs[name]}" for name in unmentioned))
    for dependency in task.get("context") or []:
        parts.append(f"Output of the task {dependency}:\\n{outputs.get(dependency, '')}")
    return "\\n\\n".join(parts)


async def run_task(task_id: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """Runs the task's agent on its request and returns the agent's answer."""
    agent = build_agent(TASKS[task_id]["agent"], inputs)
    result = await agent.kickoff_async(task_prompt(task_id, inputs, outputs))
    return result.raw
`;
}
