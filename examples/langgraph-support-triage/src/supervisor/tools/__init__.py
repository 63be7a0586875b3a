"""The tools this project's agents may call: plain functions that take typed arguments and return text.

TOOLS holds them wrapped by events.instrument_tool, which emits tool-call events during a run
with events switched on and is a plain call otherwise; signature and docstring stay the same.
"""

from __future__ import annotations

from collections.abc import Callable

from ..events import instrument_tool

from .vector_search import vector_search

TOOLS: dict[str, Callable[..., str]] = {
    "vector_search": instrument_tool("vector_search", vector_search),
}

__all__ = ["TOOLS", "vector_search"]
