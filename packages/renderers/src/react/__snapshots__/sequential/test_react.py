"""Runs the ReAct agents against the FakeLLM: order of work, real tool calls, live events, a final output."""

from __future__ import annotations

import functools
import inspect
import re
import typing
from collections.abc import Callable
from typing import Any

import httpx2
import pytest
from openai import BadRequestError

from fake_llm import FakeLLM
from paper_digest import events
from paper_digest.agent import complete
from paper_digest.client import build_client
from paper_digest.main import execute, run
from paper_digest.settings import load_settings
from paper_digest.tool_schemas import run_tool, tool_schema
from paper_digest.tools import TOOLS

INPUTS = {"topic": "multi-agent systems"}


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


ORDER = ["find_papers", "analyse_papers", "write_digest"]
CONTEXT: dict[str, tuple[str, ...]] = {
    "find_papers": (),
    "analyse_papers": ("find_papers",),
    "write_digest": ("analyse_papers",),
}
# The tools each task's loop may offer: its agent's.
TASK_TOOLS: dict[str, list[str]] = {
    "find_papers": ["web_search", "calculator"],
    "analyse_papers": ["calculator"],
    "write_digest": ["file_write"],
}


def task_of(body: dict[str, Any]) -> str:
    match = re.search(r"Task (\w+):", user_texts(body)[0])
    return match.group(1) if match else "unknown"


def answer_as_task(body: dict[str, Any]) -> dict[str, Any] | None:
    """The autopilot calls a tool first; then each task answers "output of <task id>"."""
    return None if needs_tool(body) else {"content": f"Final Answer: output of {task_of(body)}"}


def test_each_task_runs_its_own_loop_in_spec_order(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    fake_llm.script = answer_as_task
    result = execute(INPUTS)
    assert result.trace == ORDER
    assert [task_of(body) for body in fake_llm.requests if not any(m["role"] == "tool" for m in body["messages"])] == ORDER
    prompts = {task_of(body): user_texts(body)[0] for body in fake_llm.requests}
    for task_id, context in CONTEXT.items():
        for other in CONTEXT:
            shown = f"Output of task {other}:\noutput of {other}" in prompts[task_id]
            assert shown == (other in context), (task_id, other)
    for body in fake_llm.requests:
        assert [tool["function"]["name"] for tool in body.get("tools") or []] == TASK_TOOLS[task_of(body)]
    assert result.answer == "output of write_digest"
    assert_tool_round_trip(fake_llm, tool_spy)


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


TASK_AGENTS = {"find_papers": "researcher", "analyse_papers": "analyst", "write_digest": "writer"}


def test_live_events_show_each_task_and_its_agent_in_order(fake_llm: FakeLLM) -> None:
    fake_llm.script = answer_as_task
    seen = run_with_events()
    spans = step_spans(seen)
    tasks = [span for span in spans.values() if span["kind"] == "task"]
    agents = [span for span in spans.values() if span["kind"] == "agent"]
    assert [span["task"] for span in tasks] == ORDER
    assert [span["agent"] for span in agents] == [TASK_AGENTS[task_id] for task_id in ORDER]
    calls = tool_calls_by_step(seen, spans)
    for task, agent in zip(tasks, agents):
        assert task["start"] < agent["start"] < agent["end"] < task["end"]
        assert streamed_text(seen, agent["stepId"]) == f"Final Answer: output of {task['task']}"
        # The autopilot calls one of the agent's own tools, once, before answering.
        called = calls.get(agent["stepId"], [])
        assert len(called) == (1 if TASK_TOOLS[task["task"]] else 0) and set(called) <= set(TASK_TOOLS[task["task"]])
    assert all(earlier["end"] < later["start"] for earlier, later in zip(tasks, tasks[1:]))
    assert_model_calls_reported(fake_llm, seen)


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
