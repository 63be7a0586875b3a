"""Runs the ReAct agents against the FakeLLM: order of work, real tool calls, live events, a final output."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any

import httpx2
import pytest
from openai import BadRequestError

from fake_llm import DEFAULT_ARGUMENTS, FINAL_ANSWER, FakeLLM
from research_assistant import events
from research_assistant.agent import FINAL_STEP_NOTE, NO_ANSWER, complete
from research_assistant.client import build_client
from research_assistant.main import execute, run
from research_assistant.settings import load_settings
from research_assistant.tool_schemas import run_tool, tool_schema
from research_assistant.tools import TOOLS

INPUTS = {"request": "Create a research assistant with Wikipedia search"}


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


TOOL_IDS = ["web_search"]


def test_the_agent_reasons_acts_and_observes(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    result = execute(INPUTS)
    first, second = fake_llm.requests
    assert first["tools"] == [tool_schema(tool_id) for tool_id in TOOL_IDS]
    assert not any(message["role"] == "tool" for message in first["messages"])
    assert second["messages"][-2]["tool_calls"][0]["id"] == second["messages"][-1]["tool_call_id"]
    assert "You also take on these roles" in first["messages"][0]["content"]
    assert result.answer == FINAL_ANSWER.split("Final Answer:", 1)[1].strip()
    assert_tool_round_trip(fake_llm, tool_spy)


def test_the_loop_stops_at_the_step_limit(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "3")
    tool = TOOL_IDS[0]
    fake_llm.script = lambda body: {"tool_calls": [{"name": tool, "arguments": DEFAULT_ARGUMENTS[tool]}]}
    result = execute(INPUTS)
    assert len(fake_llm.requests) == 3
    assert user_texts(fake_llm.requests[-1])[-1] == FINAL_STEP_NOTE
    assert len(fake_llm.tool_messages()) == 2
    assert result.answer == NO_ANSWER


def test_a_failed_tool_call_is_observed_and_the_loop_goes_on(fake_llm: FakeLLM) -> None:
    fake_llm.script = [{"tool_calls": [{"name": "no_such_tool", "arguments": {}}]}]
    result = execute(INPUTS)
    observations = [str(message["content"]) for message in fake_llm.tool_messages()]
    assert observations[0].startswith("error: there is no tool 'no_such_tool'")
    assert len(fake_llm.requests) == 3
    assert result.answer == FINAL_ANSWER.split("Final Answer:", 1)[1].strip()


def run_with_events() -> list[dict[str, Any]]:
    """One run of main.run with live events on, collected in memory."""
    seen: list[dict[str, Any]] = []
    events.traced_run(run, INPUTS, [seen.append])
    assert seen[-1]["type"] == "run-end", seen[-1]
    return seen


def step_spans(seen: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each step's start event plus the indexes of its start and end; every step ends once, after it starts."""
    spans: dict[str, dict[str, Any]] = {}
    for index, event in enumerate(seen):
        if event["type"] == "step-start":
            assert event["stepId"] not in spans, event
            spans[event["stepId"]] = {**event, "start": index, "end": None}
        elif event["type"] == "step-end":
            assert spans[event["stepId"]]["end"] is None, event
            spans[event["stepId"]]["end"] = index
    assert spans and all(span["end"] is not None for span in spans.values())
    return spans


def streamed_text(seen: list[dict[str, Any]], step_id: str) -> str:
    return "".join(event["delta"] for event in seen if event["type"] == "text-delta" and event.get("stepId") == step_id)


def assert_model_calls_reported(fake_llm: FakeLLM, seen: list[dict[str, Any]]) -> None:
    """Every model call streamed, asked for usage and produced one usage event with the server's counts."""
    usages = [event for event in seen if event["type"] == "usage"]
    assert len(usages) == len(fake_llm.requests) > 0
    assert all(event["inputTokens"] > 0 and event["outputTokens"] > 0 and event["model"] == "fake-model" for event in usages)
    assert all(body.get("stream") is True and body.get("stream_options") == {"include_usage": True} for body in fake_llm.requests)


def tool_calls_by_step(seen: list[dict[str, Any]], spans: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """The tools called inside each step; every tool call names an agent step open at that moment."""
    calls: dict[str, list[str]] = {}
    for index, event in enumerate(seen):
        if event["type"] == "tool-call-start":
            span = spans[event["stepId"]]
            assert span["kind"] == "agent" and span["start"] < index < span["end"], event
            calls.setdefault(event["stepId"], []).append(event["tool"])
    return calls


LEAD_AGENT = "researcher"


def test_live_events_show_the_lead_agent_streaming_its_answer(fake_llm: FakeLLM) -> None:
    seen = run_with_events()
    spans = step_spans(seen)
    assert [(span["stepId"], span["kind"], span["agent"]) for span in spans.values()] == [(f"agent:{LEAD_AGENT}", "agent", LEAD_AGENT)]
    assert streamed_text(seen, f"agent:{LEAD_AGENT}") == FINAL_ANSWER
    assert_model_calls_reported(fake_llm, seen)
    calls = tool_calls_by_step(seen, spans)
    assert len(calls.get(f"agent:{LEAD_AGENT}", [])) == (1 if TOOLS else 0)


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


def test_the_spec_provider_gets_its_client(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """MODEL_PROVIDER defaults to the spec's provider (ollama), whose client builds offline."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MODEL_PROVIDER", raising=False)
    monkeypatch.setenv("OLLAMA_BASE_URL", "http://127.0.0.1:11434")
    from openai import OpenAI

    client = build_client(load_settings())
    assert type(client) is OpenAI
    assert str(client.base_url).rstrip("/") == "http://127.0.0.1:11434/v1"
