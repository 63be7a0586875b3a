"""The tools this project's agents may call: plain functions that take typed arguments and return text.

TOOLS holds them wrapped by events.instrument_tool, which emits tool-call events during a run
with events switched on and is a plain call otherwise; signature and docstring stay the same.
"""

from __future__ import annotations

from collections.abc import Callable

from ..events import instrument_tool

from .web_search import web_search

TOOLS: dict[str, Callable[..., str]] = {
    "web_search": instrument_tool("web_search", web_search),
}

__all__ = ["TOOLS", "web_search"]
