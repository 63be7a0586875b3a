"""Runs the Strands agents once: `run(inputs)` returns the final answer."""

from __future__ import annotations

from .agents import TeamContext, TeamResult
from .model import build_model
from .settings import load_settings
from .team import run_team


def run_agents(inputs: dict[str, str]) -> TeamResult:
    """Builds the model from the settings and runs the team for these inputs."""
    settings = load_settings()
    return run_team(TeamContext(model=build_model(settings), settings=settings, inputs=inputs))


def run(inputs: dict[str, str]) -> str:
    """The synchronous entry point used by __main__.py and the tests."""
    return run_agents(inputs).output
