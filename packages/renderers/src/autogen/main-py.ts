// src/<pkg>/main.py of an AutoGen project: `run(inputs)` builds the team, runs it with asyncio and
// returns the final answer.

export function mainPy(): string {
  return `"""Runs the AutoGen team once: \`run(inputs)\` returns the final answer."""

from __future__ import annotations

import asyncio

from autogen_agentchat.base import TaskResult
from autogen_agentchat.messages import TextMessage

from . import events
from .agents import TeamContext
from .event_hooks import model_usage
from .model import build_model_client
from .prompts import request_text
from .settings import load_settings
from .team import build_team


async def run_team(inputs: dict[str, str]) -> TaskResult:
    """Builds the team for these inputs, runs it to its termination rule and returns every message.

    While the run records events, every model call streams and reports its token usage.
    """
    settings = load_settings()
    client = build_model_client(settings, streaming=events.enabled())
    try:
        with model_usage(settings.model_id):
            team = build_team(TeamContext(client=client, settings=settings, inputs=inputs))
            return await team.run(task=request_text(inputs))
    finally:
        await client.close()


def final_output(result: TaskResult) -> str:
    """The last text an agent wrote, without the TERMINATE keyword."""
    for message in reversed(result.messages):
        if isinstance(message, TextMessage) and message.source != "user":
            text = message.content.replace("TERMINATE", "").strip()
            if text:
                return text
    raise RuntimeError(f"the agents produced no answer ({result.stop_reason})")


def run(inputs: dict[str, str]) -> str:
    """The synchronous entry point used by __main__.py and the tests."""
    return final_output(asyncio.run(run_team(inputs)))
`;
}
