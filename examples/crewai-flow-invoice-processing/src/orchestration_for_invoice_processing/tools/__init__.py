"""The tools this project's agents may call: plain functions that take typed arguments and return text.

TOOLS holds them wrapped by events.instrument_tool: during a run with events switched on it emits
tool-call events and follows AGENT_ENABLED_TOOLS and AGENT_PERMISSION_MODE (Safe refuses the tools in
SIDE_EFFECT_TOOLS, Ask asks first); otherwise a plain call. Signature and docstring stay the same.
"""

from __future__ import annotations

from collections.abc import Callable

from ..events import instrument_tool

from .pdf_reader import pdf_reader
from .file_read import file_read
from .calculator import calculator

# The tools whose calls can change something outside the run (the catalog says so).
SIDE_EFFECT_TOOLS: frozenset[str] = frozenset()

TOOLS: dict[str, Callable[..., str]] = {
    "pdf_reader": instrument_tool("pdf_reader", pdf_reader, side_effects="pdf_reader" in SIDE_EFFECT_TOOLS),
    "file_read": instrument_tool("file_read", file_read, side_effects="file_read" in SIDE_EFFECT_TOOLS),
    "calculator": instrument_tool("calculator", calculator, side_effects="calculator" in SIDE_EFFECT_TOOLS),
}

__all__ = ["SIDE_EFFECT_TOOLS", "TOOLS", "pdf_reader", "file_read", "calculator"]
