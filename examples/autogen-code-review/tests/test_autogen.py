"""Runs the AutoGen agents against the FakeLLM: the pattern's turn order, real tool calls, an answer."""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
import typing
from collections.abc import Callable
from typing import Any

import pytest
from autogen_agentchat.base import TaskResult
from autogen_agentchat.messages import TextMessage

from fake_llm import FINAL_ANSWER, FakeLLM

from writer.__main__ import main
from writer.agents import participant_name
from writer.main import final_output, run, run_team
from writer.prompts import AGENTS, persona
from writer.tools import TOOLS

INPUTS: dict[str, str] = {"topic": "a blog post until it is ready"}


@pytest.fixture(autouse=True)
def tool_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any], str]]:
    """Every call that reaches one of the project's real tool functions: (tool, arguments, result)."""
    log: list[tuple[str, dict[str, Any], str]] = []
    for name, function in list(TOOLS.items()):
        monkeypatch.setitem(TOOLS, name, recording(name, function, log))
    return log


def recording(name: str, function: Callable[..., str], log: list[tuple[str, dict[str, Any], str]]) -> Callable[..., str]:
    """The real tool function, logging each call; frameworks see its name, docstring, signature and types."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        result = function(*args, **kwargs)
        log.append((name, dict(inspect.signature(function).bind(*args, **kwargs).arguments), result))
        return result

    wrapper.__annotations__ = typing.get_type_hints(function)
    return wrapper


def speakers(result: TaskResult) -> list[str]:
    """Who wrote each text message of a run, in order, without the opening request."""
    return [message.source for message in result.messages if isinstance(message, TextMessage) and message.source != "user"]


def text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def system_text(body: dict[str, Any]) -> str:
    messages = body.get("messages") or []
    return text_of(messages[0].get("content")) if messages and messages[0].get("role") == "system" else ""


def last_text(body: dict[str, Any]) -> str:
    messages = body.get("messages") or []
    return text_of(messages[-1].get("content")) if messages else ""


def first_request_with_system(fake_llm: FakeLLM, marker: str) -> dict[str, Any]:
    for body in fake_llm.requests:
        if marker in system_text(body):
            return body
    raise AssertionError(f"no model request had a system message containing {marker!r}")


def tool_round_trips(fake_llm: FakeLLM) -> list[tuple[str, dict[str, Any], str]]:
    """(tool, arguments, result text) for every tool result that went back to the model."""
    calls: dict[str, tuple[str, dict[str, Any]]] = {}
    for body in fake_llm.requests:
        for message in body.get("messages") or []:
            for call in message.get("tool_calls") or []:
                calls[call["id"]] = (call["function"]["name"], json.loads(call["function"]["arguments"] or "{}"))
    return [(*calls[message["tool_call_id"]], text_of(message["content"])) for message in fake_llm.tool_messages()]


def assert_real_tool_results(fake_llm: FakeLLM, tool_log: list[tuple[str, dict[str, Any], str]]) -> None:
    """Tool calls reached the project's real tool functions, and what they returned went back to the model."""
    trips = tool_round_trips(fake_llm)
    if not any(agent.tools for agent in AGENTS.values()):
        assert trips == [] and tool_log == []
        return
    assert trips, "no tool result went back to the model"
    for name, arguments, text in trips:
        assert any(
            called == name and result == text and all(received.get(key) == value for key, value in arguments.items())
            for called, received, result in tool_log
        ), f"the {name} result the model received did not come from the real {name} function"


MEMBERS = [participant_name(agent_id) for agent_id in AGENTS]


def test_agents_take_turns_until_the_turn_limit(fake_llm, tool_log, monkeypatch) -> None:
    turns = len(MEMBERS) + 1
    monkeypatch.setenv("AGENT_MAX_STEPS", str(turns))
    result = asyncio.run(run_team(INPUTS))
    assert speakers(result) == [MEMBERS[index % len(MEMBERS)] for index in range(turns)]
    assert result.stop_reason and "Maximum number of messages" in result.stop_reason
    assert_real_tool_results(fake_llm, tool_log)


def test_terminate_ends_the_chat(fake_llm) -> None:
    closer = list(AGENTS)[min(1, len(AGENTS) - 1)]

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        if system_text(body).startswith(persona(AGENTS[closer], INPUTS) + "\n\n"):
            return {"content": "Here is the final answer. TERMINATE"}
        return None

    fake_llm.script = script
    result = asyncio.run(run_team(INPUTS))
    assert speakers(result) == MEMBERS[: list(AGENTS).index(closer) + 1]
    assert result.stop_reason and "TERMINATE" in result.stop_reason
    assert final_output(result) == "Here is the final answer."


def test_run_returns_the_final_answer(fake_llm) -> None:
    assert run(INPUTS) == FINAL_ANSWER.strip()


def test_command_line_prints_and_writes_the_answer(fake_llm, tmp_path, capsys) -> None:
    target = tmp_path / "answer.md"
    arguments = [argument for name, value in INPUTS.items() for argument in ("--input", f"{name}={value}")]
    assert main(["run", *arguments, "--out", str(target)]) == 0
    assert capsys.readouterr().out.strip() == FINAL_ANSWER.strip()
    assert target.read_text(encoding="utf-8").strip() == FINAL_ANSWER.strip()
