"""Tool definitions for native tool calling, generated from the functions in tools/, and the tool runner.

A tool's JSON schema comes from its signature (type hints and defaults) and its Google-style
docstring (the first line describes the tool, the Args section its parameters).
"""

from __future__ import annotations

import inspect
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from research_assistant.tools import TOOLS

_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def json_type(annotation: Any) -> dict[str, Any]:
    """The JSON schema of a Python type hint (str, int, float, bool, Literal, list, dict, Optional)."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [json_type(option) for option in arguments if option is not type(None)]
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is typing.Literal:
        return {"enum": list(arguments)}
    if origin in (list, tuple, set, frozenset) or annotation in (list, tuple):
        return {"type": "array", "items": json_type(arguments[0]) if arguments else {}}
    if origin is dict or annotation is dict:
        return {"type": "object"}
    return {"type": _SCALARS.get(annotation, "string")}


def parse_docstring(function: Callable[..., Any]) -> tuple[str, dict[str, str]]:
    """The first docstring line, and each parameter's text from the Args section."""
    lines = inspect.cleandoc(function.__doc__ or "").splitlines()
    summary = lines[0].strip() if lines else function.__name__
    described: dict[str, str] = {}
    current = None
    in_args = False
    for line in lines[1:]:
        stripped = line.strip()
        if stripped in ("Args:", "Arguments:", "Parameters:"):
            in_args = True
        elif in_args and stripped.endswith(":") and not line.startswith(" "):
            in_args = False
        elif in_args and stripped:
            name, separator, text = stripped.partition(":")
            if separator and line.startswith("    ") and not line.startswith("        ") and name.strip().isidentifier():
                current = name.strip()
                described[current] = text.strip()
            elif current:
                described[current] += " " + stripped
    return summary, described


def tool_schema(tool_id: str) -> dict[str, Any]:
    """The OpenAI tool definition of TOOLS[tool_id]."""
    function = inspect.unwrap(TOOLS[tool_id])
    hints = typing.get_type_hints(function)
    summary, described = parse_docstring(function)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, parameter in inspect.signature(function).parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        schema = json_type(hints.get(name, str))
        if name in described:
            schema["description"] = described[name]
        if parameter.default is parameter.empty:
            required.append(name)
        else:
            schema["default"] = parameter.default
        properties[name] = schema
    parameters = {"type": "object", "properties": properties, "required": required}
    return {"type": "function", "function": {"name": tool_id, "description": summary, "parameters": parameters}}


def run_tool(name: str, arguments: str) -> str:
    """Runs a model's tool call and returns the observation; every failure becomes "error: ..." text."""
    function = TOOLS.get(name)
    if function is None:
        return f"error: there is no tool {name!r}; use one of: {', '.join(TOOLS) or 'none'}"
    try:
        values = json.loads(arguments or "{}")
    except ValueError as error:
        return f"error: the arguments are not valid JSON ({error})"
    if not isinstance(values, dict):
        return "error: the arguments must be a JSON object"
    try:
        return str(function(**values))
    except TypeError as error:
        return f"error: wrong arguments for {name}: {error}"
    except Exception as error:  # a tool must never end the loop; the model sees what went wrong
        return f"error: {name} failed: {error}"
