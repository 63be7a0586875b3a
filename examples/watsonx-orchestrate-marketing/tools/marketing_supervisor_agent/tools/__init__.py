"""The tools this project's agents may call: plain functions that take typed arguments and return text."""

from __future__ import annotations

from collections.abc import Callable

from .web_search import web_search

TOOLS: dict[str, Callable[..., str]] = {
    "web_search": web_search,
}

__all__ = ["TOOLS", "web_search"]
