"""Strands agents for this project: @tool wrappers of the functions in tools/ and a step limit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from strands import Agent, tool
from strands.hooks import AfterToolsEvent, BeforeInvocationEvent, BeforeToolsEvent, HookProvider, HookRegistry
from strands.models import Model

from .prompts import AGENTS, describe
from .settings import Settings
from .tools import TOOLS

STEP_LIMIT_NOTE = "Step limit reached: do not call any more tools. Give your final answer now."


@dataclass(frozen=True)
class TeamContext:
    """What every agent of one run shares: the model, the settings and the run's inputs."""

    model: Model
    settings: Settings
    inputs: dict[str, str]


@dataclass(frozen=True)
class TeamResult:
    """The answer of a run and who acted, in order (tasks, agents or tools, by pattern)."""

    output: str
    steps: tuple[str, ...]


def strands_tools(tool_ids: Iterable[str]) -> list[Any]:
    """The project's tool functions decorated as Strands tools, named by tool id."""
    tools = []
    for tool_id in tool_ids:
        function = TOOLS[tool_id]
        description = (function.__doc__ or tool_id).strip().splitlines()[0]
        tools.append(tool(function, name=tool_id, description=description))
    return tools


class StepLimit(HookProvider):
    """Bounds an agent's reason-act-observe loop to max_steps tool rounds per invocation.

    Past the limit, tool calls are cancelled with a note asking for the final answer; an agent that
    still asks for tools after that is stopped.
    """

    def __init__(self, max_steps: int) -> None:
        self.max_steps = max_steps
        self.steps = 0

    def register_hooks(self, registry: HookRegistry, **_: Any) -> None:
        registry.add_callback(BeforeInvocationEvent, self.reset)
        registry.add_callback(BeforeToolsEvent, self.before_tools)
        registry.add_callback(AfterToolsEvent, self.after_tools)

    def reset(self, _event: BeforeInvocationEvent) -> None:
        self.steps = 0

    def before_tools(self, event: BeforeToolsEvent) -> None:
        if self.steps >= self.max_steps:
            event.cancel = STEP_LIMIT_NOTE

    def after_tools(self, event: AfterToolsEvent) -> None:
        self.steps += 1
        if self.steps > self.max_steps + 1:
            event.end_turn = f"Stopped after {self.max_steps} tool steps without a final answer."


def build_agent(context: TeamContext, *, name: str, agent_id: str, system_prompt: str) -> Agent:
    """An Agent playing spec agent `agent_id`, with that agent's tools and the step limit."""
    agent = AGENTS[agent_id]
    return Agent(
        model=context.model,
        system_prompt=system_prompt,
        tools=strands_tools(agent.tools),
        name=name,
        description=describe(agent, context.inputs),
        callback_handler=None,
        hooks=[StepLimit(context.settings.max_steps)],
    )


def tool_calls(agent: Agent) -> list[str]:
    """The names of the tools an agent called, in order."""
    return [
        block["toolUse"]["name"]
        for message in agent.messages
        for block in message.get("content", [])
        if "toolUse" in block
    ]
