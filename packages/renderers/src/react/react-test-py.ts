// tests/test_react.py: runs the real ReAct loop against the FakeLLM and checks what the pattern promises.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { clientTestPy } from './client-test-py';
import { eventsTestsPy } from './events-tests-py';
import { reactPatternTestsPy, sequentialPatternTestsPy } from './pattern-tests-py';

function inputsLiteral(spec: ProjectSpec): string {
  return `{${spec.inputs.map((input) => `${pyString(input.name)}: ${pyString(input.default ?? 'test value')}`).join(', ')}}`;
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


def user_texts(body: dict[str, Any]) -> list[str]:
    return [str(message.get("content")) for message in body["messages"] if message.get("role") == "user"]


def needs_tool(body: dict[str, Any]) -> bool:
    """True while a request offers tools and none has answered since the last user message."""
    messages = body["messages"]
    last_user = max(index for index, message in enumerate(messages) if message.get("role") == "user")
    answered = any(message.get("role") == "tool" for message in messages[last_user:])
    return bool(body.get("tools")) and not answered
`;

/** Names the pattern's tests use from tests/fake_llm.py and from agent.py. */
function testImports(spec: ProjectSpec, pattern: 'react' | 'sequential'): { fakeLlm: string[]; agent: string[] } {
  if (pattern === 'sequential') return { fakeLlm: [], agent: [] };
  if (spec.tools.length === 0) return { fakeLlm: ['FINAL_ANSWER'], agent: [] };
  return { fakeLlm: ['DEFAULT_ARGUMENTS', 'FINAL_ANSWER'], agent: ['FINAL_STEP_NOTE', 'NO_ANSWER'] };
}

export function reactTestPy(spec: ProjectSpec, options: { packageName: string; pattern: 'react' | 'sequential' }): string {
  const { packageName, pattern } = options;
  const tests = pattern === 'react' ? reactPatternTestsPy(spec) : sequentialPatternTestsPy(spec);
  const eventsTests = eventsTestsPy(spec, pattern);
  const imports = testImports(spec, pattern);
  const fakeLlmNames = [...new Set([...imports.fakeLlm, ...eventsTests.fakeLlmNames])].sort();
  return `"""Runs the ReAct agents against the FakeLLM: order of work, real tool calls, live events, a final output."""

from __future__ import annotations

import functools
import inspect
${pattern === 'sequential' ? 'import re\n' : ''}import typing
from collections.abc import Callable
from typing import Any

import httpx2
import pytest
from openai import BadRequestError

from fake_llm import ${[...fakeLlmNames, 'FakeLLM'].join(', ')}
from ${packageName} import events
from ${packageName}.agent import ${['complete', ...imports.agent].sort().join(', ')}
from ${packageName}.client import build_client
from ${packageName}.main import execute, run
from ${packageName}.settings import load_settings
from ${packageName}.tool_schemas import run_tool, tool_schema
from ${packageName}.tools import TOOLS

INPUTS = ${inputsLiteral(spec)}
${HELPERS}

${tests}
${eventsTests.body}

def test_tool_schemas_follow_the_function_signatures() -> None:
    json_types = {str: "string", int: "integer", float: "number", bool: "boolean"}
    for tool_id, function in TOOLS.items():
        schema = tool_schema(tool_id)["function"]
        parameters = inspect.signature(function).parameters
        hints = typing.get_type_hints(function)
        assert schema["name"] == tool_id and schema["description"]
        properties = schema["parameters"]["properties"]
        assert list(properties) == list(parameters)
        for name in parameters:
            if hints.get(name) in json_types:
                assert properties[name]["type"] == json_types[hints[name]], (tool_id, name)
        required = [name for name, parameter in parameters.items() if parameter.default is parameter.empty]
        assert schema["parameters"]["required"] == required


def test_bad_tool_calls_become_error_observations() -> None:
    assert run_tool("no_such_tool", "{}").startswith("error: there is no tool")
    for tool_id in TOOLS:
        assert run_tool(tool_id, "not json").startswith("error: the arguments are not valid JSON")
        assert run_tool(tool_id, '{"no_such_argument": 1}').startswith("error: wrong arguments")


def test_a_model_that_refuses_a_temperature_is_asked_without_one(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODEL_ID", "reasoning-model")
    client = build_client(load_settings())
    create = client.chat.completions.create
    sent: list[dict[str, Any]] = []

    def refuse_temperature(**request: Any) -> Any:
        sent.append(request)
        if "temperature" in request:
            response = httpx2.Response(400, request=httpx2.Request("POST", fake_llm.url + "/chat/completions"))
            raise BadRequestError("Unsupported value: 'temperature' does not support 0.2 with this model.", response=response, body=None)
        return create(**request)

    monkeypatch.setattr(client.chat.completions, "create", refuse_temperature)
    first = complete(client, load_settings(), [{"role": "user", "content": "hi"}], [])
    second = complete(client, load_settings(), [{"role": "user", "content": "again"}], [])
    assert first.choices[0].message.content and second.choices[0].message.content
    assert ["temperature" in request for request in sent] == [True, False, False]


def test_run_returns_the_final_output_as_text(fake_llm: FakeLLM) -> None:
    result = run(INPUTS)
    assert isinstance(result, str) and result.strip()


${clientTestPy(spec.model.provider)}`;
}
