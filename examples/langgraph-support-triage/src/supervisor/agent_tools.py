"""The project's tools as LangChain tools; each wraps the plain function in tools/<tool_id>.py."""

from __future__ import annotations

from langchain_core.tools import BaseTool, StructuredTool

from supervisor.tools import TOOLS


def langchain_tool(tool_id: str) -> BaseTool:
    """A LangChain tool named after the tool id; its description and argument docs come from the docstring."""
    function = TOOLS[tool_id]
    try:
        return StructuredTool.from_function(function, name=tool_id, parse_docstring=True)
    except ValueError:  # a docstring without a Google-style Args section
        summary = (function.__doc__ or tool_id).strip().splitlines()[0]
        return StructuredTool.from_function(function, name=tool_id, description=summary)


def langchain_tools(tool_ids: tuple[str, ...] | list[str]) -> list[BaseTool]:
    """LangChain tools for the given ids, in the given order."""
    return [langchain_tool(tool_id) for tool_id in tool_ids]
