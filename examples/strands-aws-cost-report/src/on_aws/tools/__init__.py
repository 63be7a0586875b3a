"""The tools this project's agents may call: plain functions that take typed arguments and return text.

TOOLS holds them wrapped by events.instrument_tool: during a run with events switched on it emits
tool-call events and follows AGENT_ENABLED_TOOLS and AGENT_PERMISSION_MODE (Safe refuses the tools in
SIDE_EFFECT_TOOLS, Ask asks first); otherwise a plain call. Signature and docstring stay the same.
"""

from __future__ import annotations

from collections.abc import Callable

from ..events import instrument_tool

from .sql_query import sql_query
from .calculator import calculator
from .slack_post import slack_post

# The tools whose calls can change something outside the run (the catalog says so).
SIDE_EFFECT_TOOLS: frozenset[str] = frozenset({"slack_post"})

TOOLS: dict[str, Callable[..., str]] = {
    "sql_query": instrument_tool("sql_query", sql_query, side_effects="sql_query" in SIDE_EFFECT_TOOLS),
    "calculator": instrument_tool("calculator", calculator, side_effects="calculator" in SIDE_EFFECT_TOOLS),
    "slack_post": instrument_tool("slack_post", slack_post, side_effects="slack_post" in SIDE_EFFECT_TOOLS),
}

__all__ = ["SIDE_EFFECT_TOOLS", "TOOLS", "sql_query", "calculator", "slack_post"]
