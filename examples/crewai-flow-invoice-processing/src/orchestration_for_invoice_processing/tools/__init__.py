"""The tools this project's agents may call: plain functions that take typed arguments and return text.

TOOLS holds them wrapped by events.instrument_tool, which emits tool-call events during a run
with events switched on and is a plain call otherwise; signature and docstring stay the same.
"""

from __future__ import annotations

from collections.abc import Callable

from ..events import instrument_tool

from .pdf_reader import pdf_reader
from .file_read import file_read
from .calculator import calculator

TOOLS: dict[str, Callable[..., str]] = {
    "pdf_reader": instrument_tool("pdf_reader", pdf_reader),
    "file_read": instrument_tool("file_read", file_read),
    "calculator": instrument_tool("calculator", calculator),
}

__all__ = ["TOOLS", "pdf_reader", "file_read", "calculator"]
