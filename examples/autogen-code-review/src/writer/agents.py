"""AutoGen agents for this project: AssistantAgents whose tools wrap the plain functions in tools/."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from autogen_agentchat.agents import AssistantAgent
from autogen_core.models import ChatCompletionClient
from autogen_core.tools import FunctionTool

from .prompts import AGENTS, describe
from .settings import Settings
from .tools import TOOLS


@dataclass(frozen=True)
class TeamContext:
    """What every agent of one run shares: the model client, the settings and the run's inputs."""

    client: ChatCompletionClient
    settings: Settings
    inputs: dict[str, str]


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


def assistant(context: TeamContext, *, name: str, agent_id: str, system_message: str) -> AssistantAgent:
    """An AssistantAgent playing spec agent `agent_id`, with that agent's tools.

    It may call tools up to settings.max_steps times in one turn (AGENT_MAX_STEPS); after using
    tools it reflects on their results, so its turn always ends with a text message.
    """
    agent = AGENTS[agent_id]
    tools = function_tools(agent.tools)
    return AssistantAgent(
        participant_name(name),
        model_client=context.client,
        tools=tools or None,
        system_message=system_message,
        description=describe(agent, context.inputs),
        reflect_on_tool_use=bool(tools),
        max_tool_iterations=context.settings.max_steps,
    )
