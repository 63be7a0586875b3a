"""The project's tools as CrewAI tools: each wraps the plain function in tools/<id>.py."""

from __future__ import annotations

from crewai.tools import BaseTool, tool

from . import TOOLS


def crewai_tool(tool_id: str) -> BaseTool:
    """A CrewAI tool named after the tool id; its description and arguments come from the function."""
    return tool(tool_id)(TOOLS[tool_id])


def crewai_tools(tool_ids: list[str]) -> list[BaseTool]:
    """The CrewAI tools for these ids, looked up when called so tests can watch the functions."""
    return [crewai_tool(tool_id) for tool_id in tool_ids]
