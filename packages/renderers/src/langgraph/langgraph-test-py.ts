// tests/test_langgraph.py: runs the real graph against the FakeLLM and checks what the pattern promises.
import type { PatternId, ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { eventsTestsPy } from './events-tests-py';
import { patternTestsPy } from './pattern-tests-py';
import { providerTestPy } from './provider-test-py';

/** The inputs the tests run with: each input's default, or a placeholder when it has none. */
function inputsLiteral(spec: ProjectSpec): string {
  const entries = spec.inputs.map((input) => `${pyString(input.name)}: ${pyString(input.default ?? 'test value')}`);
  return `{${entries.join(', ')}}`;
}

const HELPERS = `

@pytest.fixture(autouse=True)
def default_step_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests count steps from the default limit; a developer's AGENT_MAX_STEPS must not change it."""
    monkeypatch.delenv("AGENT_MAX_STEPS", raising=False)


@pytest.fixture
def tool_spy(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Records every call that reaches a real tool function; the function itself still runs."""
    calls: list[dict[str, Any]] = []

    def spy(tool_id: str, function: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(function)
        def recorded(*args: Any, **kwargs: Any) -> str:
            result = function(*args, **kwargs)
            calls.append({"tool": tool_id, "arguments": kwargs, "result": result})
            return result

        return recorded

    for tool_id, function in list(TOOLS.items()):
        monkeypatch.setitem(TOOLS, tool_id, spy(tool_id, function))
    return calls


def assert_tool_round_trip(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    """A real tool function ran and its result went back to the model as a tool message."""
    assert tool_spy, "no tool function was called"
    sent = [str(message.get("content")) for message in fake_llm.tool_messages()]
    assert any(call["result"] in sent for call in tool_spy), (tool_spy, sent)


def last_user_text(body: dict[str, Any]) -> str:
    users = [message for message in body["messages"] if message.get("role") == "user"]
    return str(users[-1].get("content")) if users else ""


def needs_tool(body: dict[str, Any]) -> bool:
    """True while a request offers tools and none has answered since the last user message."""
    messages = body["messages"]
    last_user = max(index for index, message in enumerate(messages) if message.get("role") == "user")
    answered = any(message.get("role") == "tool" for message in messages[last_user:])
    return bool(body.get("tools")) and not answered
`;

export function langgraphTestPy(spec: ProjectSpec, options: { packageName: string; pattern: PatternId }): string {
  const { packageName } = options;
  const tests = patternTestsPy(spec, options);
  const eventsTests = eventsTestsPy(spec, options.pattern);
  const fakeLlmNames = [...new Set([...tests.fakeLlmNames, ...eventsTests.fakeLlmNames, 'FakeLLM'])].join(', ');
  return `"""Runs the LangGraph workflow against the FakeLLM: order of work, real tool calls, live events, a final output."""

from __future__ import annotations

import functools
${tests.modules.map((name) => `import ${name}\n`).join('')}from collections.abc import Callable
from typing import Any

import pytest

from fake_llm import ${fakeLlmNames}
from ${packageName} import events
from ${packageName} import graph as workflow
${tests.projectImports.map((line) => `${line}\n`).join('')}from ${packageName}.agents import AGENTS
from ${packageName}.llm import build_chat_model
from ${packageName}.main import execute, run
from ${packageName}.settings import load_settings
from ${packageName}.tools import TOOLS

INPUTS = ${inputsLiteral(spec)}
${HELPERS}

${tests.body}
${eventsTests.body}

def test_run_returns_the_final_output_as_text(fake_llm: FakeLLM) -> None:
    result = run(INPUTS)
    assert isinstance(result, str) and result.strip()


${providerTestPy(spec.model.provider)}`;
}
