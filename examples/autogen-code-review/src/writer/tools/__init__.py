"""The tools this project's agents may call: plain functions that take typed arguments and return text.

TOOLS holds them wrapped by events.instrument_tool, which emits tool-call events during a run
with events switched on and is a plain call otherwise; signature and docstring stay the same.
"""

from __future__ import annotations

from collections.abc import Callable

TOOLS: dict[str, Callable[..., str]] = {}

__all__ = ["TOOLS"]
