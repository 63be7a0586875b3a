"""The tools this project's agents may call: plain functions that take typed arguments and return text.

TOOLS holds them wrapped by events.instrument_tool: during a run with events switched on it emits
tool-call events and follows AGENT_ENABLED_TOOLS and AGENT_PERMISSION_MODE (Safe refuses the tools in
SIDE_EFFECT_TOOLS, Ask asks first); otherwise a plain call. Signature and docstring stay the same.
"""

from __future__ import annotations

from collections.abc import Callable

from ..events import instrument_tool

from .vector_search import vector_search

# The tools whose calls can change something outside the run (the catalog says so).
SIDE_EFFECT_TOOLS: frozenset[str] = frozenset()

TOOLS: dict[str, Callable[..., str]] = {
    "vector_search": instrument_tool("vector_search", vector_search, side_effects="vector_search" in SIDE_EFFECT_TOOLS),
}

__all__ = ["SIDE_EFFECT_TOOLS", "TOOLS", "vector_search"]
