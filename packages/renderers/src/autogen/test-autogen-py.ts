// tests/test_autogen.py: runs the project's AutoGen team against the FakeLLM and checks the order the
// pattern promises, that tool results from the real tool functions reach the model, the answer, and
// the live events the AutoGen hooks emit.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { LIVE_EVENTS_HELPERS, LIVE_EVENTS_TEST_IMPORTS, liveEventsTest } from '../shared/live-events-tests-py';
import type { AutogenPattern } from './autogen-pattern';
import type { ImportTable } from '../shared/python-imports';
import { mergeImports, renderImports } from '../shared/python-imports';

const COMMON_IMPORTS: ImportTable = {
  fake_llm: ['FINAL_ANSWER', 'FakeLLM'],
  __main__: ['main'],
  main: ['run', 'run_team'],
  prompts: ['AGENTS'],
  tools: ['TOOLS'],
};

/** Inputs for test runs: each input's default, or an example value. */
function testInputs(spec: ProjectSpec): string {
  const entries = spec.inputs.length === 0 ? [['input', 'hello']] : spec.inputs.map((input) => [input.name, input.default ?? `example ${input.name}`]);
  return `{${entries.map(([name, value]) => `${pyString(name ?? '')}: ${pyString(value ?? '')}`).join(', ')}}`;
}

const HELPERS = String.raw`

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
`;

const COMMON_TESTS = String.raw`
def test_run_returns_the_final_answer(fake_llm) -> None:
    assert run(INPUTS) == FINAL_ANSWER.strip()


def test_command_line_prints_and_writes_the_answer(fake_llm, tmp_path, capsys) -> None:
    target = tmp_path / "answer.md"
    arguments = [argument for name, value in INPUTS.items() for argument in ("--input", f"{name}={value}")]
    assert main(["run", *arguments, "--out", str(target)]) == 0
    assert capsys.readouterr().out.strip() == FINAL_ANSWER.strip()
    assert target.read_text(encoding="utf-8").strip() == FINAL_ANSWER.strip()
`;

export function testAutogenPy(options: { spec: ProjectSpec; packageName: string; pattern: AutogenPattern }): string {
  const imports = renderImports(mergeImports([COMMON_IMPORTS, LIVE_EVENTS_TEST_IMPORTS, options.pattern.testImports]), options.packageName);
  return `"""Runs the AutoGen agents against the FakeLLM: the pattern's turn order, real tool calls, an answer, live events."""

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

${imports}

INPUTS: dict[str, str] = ${testInputs(options.spec)}
${HELPERS}${LIVE_EVENTS_HELPERS}
${options.pattern.tests}
${COMMON_TESTS}${liveEventsTest('autogen')}`;
}
