"""The tools this project's agents may call: plain functions that take typed arguments and return text.

TOOLS holds them wrapped by events.instrument_tool, which emits tool-call events during a run
with events switched on and is a plain call otherwise; signature and docstring stay the same.
"""

from __future__ import annotations

from collections.abc import Callable

from ..events import instrument_tool

from .sql_query import sql_query
from .calculator import calculator
from .slack_post import slack_post

TOOLS: dict[str, Callable[..., str]] = {
    "sql_query": instrument_tool("sql_query", sql_query),
    "calculator": instrument_tool("calculator", calculator),
    "slack_post": instrument_tool("slack_post", slack_post),
}

__all__ = ["TOOLS", "sql_query", "calculator", "slack_post"]
