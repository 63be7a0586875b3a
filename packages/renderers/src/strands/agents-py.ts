// src/<pkg>/agents.py of a Strands project: @tool wrappers of the shared tool functions, the step
// limit hook, and the Agent factory every pattern uses (with the live-events hooks when a run records).

export function agentsPy(): string {
  return `"""Strands agents for this project: @tool wrappers of the functions in tools/, a step limit and live events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from strands import Agent, tool
from strands.hooks import AfterToolsEvent, BeforeInvocationEvent, BeforeToolsEvent, HookProvider, HookRegistry
from strands.models import Model

from . import events
from .event_hooks import AgentEvents, StepIds
from .prompts import AGENTS, describe
from .settings import Settings
from .tools import TOOLS

STEP_LIMIT_NOTE = "Step limit reached: do not call any more tools. Give your final answer now."


@dataclass(frozen=True)
class TeamContext:
    """What every agent of one run shares: the model, the settings, the run's inputs and step ids."""

    model: Model
    settings: Settings
    inputs: dict[str, str]
    step_ids: StepIds = field(default_factory=StepIds)


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


def loop_options(context: TeamContext, agent_id: str, *, max_steps: int | None = None, task_id: str | None = None) -> dict[str, Any]:
    """An Agent's callback_handler and hooks: the step limit, plus live events when the run records them.

    With events off (the default) the agent gets no callback handler and no events hook at all.
    """
    hooks: list[HookProvider] = [StepLimit(context.settings.max_steps if max_steps is None else max_steps)]
    if not events.enabled():
        return {"callback_handler": None, "hooks": hooks}
    reporter = AgentEvents(context.step_ids, agent_id, task_id=task_id, model_id=context.settings.model_id)
    return {"callback_handler": reporter.callback, "hooks": [*hooks, reporter]}


def build_agent(context: TeamContext, *, name: str, agent_id: str, system_prompt: str, task_id: str | None = None) -> Agent:
    """An Agent playing spec agent \`agent_id\` (for task \`task_id\`), with that agent's tools and the step limit."""
    agent = AGENTS[agent_id]
    return Agent(
        model=context.model,
        system_prompt=system_prompt,
        tools=strands_tools(agent.tools),
        name=name,
        description=describe(agent, context.inputs),
        **loop_options(context, agent_id, task_id=task_id),
    )


def tool_calls(agent: Agent) -> list[str]:
    """The names of the tools an agent called, in order."""
    return [
        block["toolUse"]["name"]
        for message in agent.messages
        for block in message.get("content", [])
        if "toolUse" in block
    ]
`;
}
