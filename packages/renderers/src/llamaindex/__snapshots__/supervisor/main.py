"""Entry point: `run(inputs)` runs the agents once with LlamaIndex and returns the final output."""

from __future__ import annotations

import asyncio

from .hooks import relay_turns
from .llm import build_llm
from .settings import load_settings
from .team import build_team, team_request, team_turns


async def run_async(inputs: dict[str, str]) -> str:
    """Builds the model and agents from the settings, runs them once and returns the result."""
    settings = load_settings()
    team = build_team(build_llm(settings), inputs)
    handler = team.run(user_msg=team_request(inputs), max_iterations=team_turns(settings.max_steps))
    return str(await relay_turns(handler))


def run(inputs: dict[str, str]) -> str:
    """Runs the supervisor pattern for these inputs and returns the final output."""
    return asyncio.run(run_async(inputs))
