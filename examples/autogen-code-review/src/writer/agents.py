"""AutoGen agents for this project: AssistantAgents whose tools wrap the plain functions in tools/."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from autogen_agentchat.agents import AssistantAgent
from autogen_core.models import ChatCompletionClient
from autogen_core.tools import FunctionTool

from . import events
from .event_hooks import ObservedAssistant, StepIds
from .prompts import AGENTS, describe
from .settings import Settings
from .tools import TOOLS


@dataclass(frozen=True)
class TeamContext:
    """What every agent of one run shares: the model client, the settings, the run's inputs and step ids."""

    client: ChatCompletionClient
    settings: Settings
    inputs: dict[str, str]
    step_ids: StepIds = field(default_factory=StepIds)


def participant_name(identifier: str) -> str:
    """AutoGen's name for a spec id.

    AutoGen calls the author of the task message "user", so a spec id "user" becomes "User_agent"
    (spec ids are lowercase, so the new name cannot clash with another id).
    """
    return "User_agent" if identifier == "user" else identifier


def function_tools(tool_ids: Iterable[str]) -> list[FunctionTool]:
    """The project's tool functions as AutoGen FunctionTools, named by tool id."""
    tools = []
    for tool_id in tool_ids:
        function = TOOLS[tool_id]
        description = (function.__doc__ or tool_id).strip().splitlines()[0]
        tools.append(FunctionTool(function, description=description, name=tool_id))
    return tools


def new_assistant(context: TeamContext, name: str, *, agent_id: str, task_id: str | None = None, **options: Any) -> AssistantAgent:
    """AssistantAgent(name, model_client=context.client, **options).

    While the run records events it is an ObservedAssistant that streams the model's text and
    reports each turn as a step of `agent_id` (within task `task_id`).
    """
    if not events.enabled():
        return AssistantAgent(name, model_client=context.client, **options)
    return ObservedAssistant(
        name,
        model_client=context.client,
        model_client_stream=True,
        step_ids=context.step_ids,
        agent_id=agent_id,
        task_id=task_id,
        **options,
    )


def assistant(context: TeamContext, *, name: str, agent_id: str, system_message: str, task_id: str | None = None) -> AssistantAgent:
    """An AssistantAgent playing spec agent `agent_id` (for task `task_id`), with that agent's tools.

    It may call tools up to settings.max_steps times in one turn (AGENT_MAX_STEPS); after using
    tools it reflects on their results, so its turn always ends with a text message.
    """
    agent = AGENTS[agent_id]
    tools = function_tools(agent.tools)
    return new_assistant(
        context,
        participant_name(name),
        agent_id=agent_id,
        task_id=task_id,
        tools=tools or None,
        system_message=system_message,
        description=describe(agent, context.inputs),
        reflect_on_tool_use=bool(tools),
        max_tool_iterations=context.settings.max_steps,
    )
