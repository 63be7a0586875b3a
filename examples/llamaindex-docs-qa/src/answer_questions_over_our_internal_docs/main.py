"""Entry point: `run(inputs)` runs the agents once with LlamaIndex and returns the final output."""

from __future__ import annotations

import asyncio

from .agents import build_agents
from .llm import build_llm
from .settings import load_settings
from .workflow import AnswerQuestionsOverOurInternalDocsWorkflow


async def run_async(inputs: dict[str, str]) -> str:
    """Builds the model and agents from the settings, runs them once and returns the result."""
    settings = load_settings()
    agents = build_agents(build_llm(settings), inputs)
    workflow = AnswerQuestionsOverOurInternalDocsWorkflow(agents, inputs, settings.max_steps)
    return str(await workflow.run())


def run(inputs: dict[str, str]) -> str:
    """Runs the react pattern for these inputs and returns the final output."""
    return asyncio.run(run_async(inputs))
