"""Runs the LangGraph workflow against the FakeLLM: order of work, real tool calls, live events, a final output."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest

from fake_llm import FakeLLM
from supervisor import events
from supervisor import graph as workflow
from supervisor.agents import AGENTS
from supervisor.llm import build_chat_model
from supervisor.main import execute, run
from supervisor.settings import load_settings
from supervisor.tools import TOOLS

INPUTS = {"request": "A supervisor that delegates customer questions to a knowledge base researcher and a writer who drafts replies"}


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


WORKERS = ["researcher", "assistant", "analyst", "writer"]


def offers_delegation(body: dict[str, Any]) -> bool:
    return any(str(tool["function"]["name"]).startswith(workflow.DELEGATE) for tool in body.get("tools") or [])


def supervisor_script(plan: list[str]) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """The supervisor delegates to each worker of `plan` in turn, then reports; workers use the autopilot."""

    def reply(body: dict[str, Any]) -> dict[str, Any] | None:
        if not offers_delegation(body):
            return None
        done = sum(1 for message in body["messages"] if message.get("role") == "tool")
        if done < len(plan):
            worker = plan[done]
            return {"tool_calls": [{"name": workflow.DELEGATE + worker, "arguments": {"instruction": f"step {done + 1} for {worker}"}}]}
        return {"content": "Final Answer: the supervisor's report"}

    return reply


def test_the_supervisor_delegates_to_each_worker_in_turn(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    fake_llm.script = supervisor_script(WORKERS)
    state = execute(INPUTS)
    assert state["trace"] == ["supervisor", "researcher", "supervisor", "assistant", "supervisor", "analyst", "supervisor", "writer", "supervisor"]
    assert str(fake_llm.requests[0]["messages"][0]["content"]).startswith("You are ")
    worker_prompts = [last_user_text(body) for body in fake_llm.requests if not offers_delegation(body)]
    for number, worker in enumerate(WORKERS, start=1):
        assert any(prompt.startswith(f"step {number} for {worker}") for prompt in worker_prompts), worker
    final_request = [body for body in fake_llm.requests if offers_delegation(body)][-1]
    results = [message for message in final_request["messages"] if message.get("role") == "tool"]
    assert len(results) == len(WORKERS) and all(message["content"] for message in results)
    assert workflow.final_output(state) == "the supervisor's report"
    assert_tool_round_trip(fake_llm, tool_spy)


def test_the_supervisor_stops_delegating_at_the_step_limit(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "2")
    fake_llm.script = supervisor_script([WORKERS[0]] * 10)
    state = execute(INPUTS)
    assert state["trace"].count(workflow.SUPERVISOR) == 3
    assert state["trace"].count(WORKERS[0]) == 2
    final_request = [body for body in fake_llm.requests if offers_delegation(body)][-1]
    assert last_user_text(final_request) == workflow.FINISH_NOTE


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
    """Every model call streamed, asked for usage and produced one usage event with real counts."""
    usages = [event for event in seen if event["type"] == "usage"]
    assert len(usages) == len(fake_llm.requests) > 0
    assert all(event["inputTokens"] > 0 and event["outputTokens"] > 0 and event["model"] == "fake-model" for event in usages)
    assert all(body.get("stream") is True and body.get("stream_options") == {"include_usage": True} for body in fake_llm.requests)


def assert_tool_calls_inside_steps(seen: list[dict[str, Any]], spans: dict[str, dict[str, Any]], own_agent: bool) -> None:
    """Each tool call names a step open at that moment; with own_agent, the agent step whose agent has the tool."""
    calls = [(index, event) for index, event in enumerate(seen) if event["type"] == "tool-call-start"]
    assert calls or not TOOLS
    for index, event in calls:
        span = spans[event["stepId"]]
        assert span["start"] < index < span["end"], event
        if own_agent:
            assert span["kind"] == "agent" and event["tool"] in AGENTS[span["agent"]].tools, (event, span)


SUPERVISOR_AGENT = "supervisor"


def test_live_events_show_each_supervisor_turn_and_delegation(fake_llm: FakeLLM) -> None:
    fake_llm.script = supervisor_script(WORKERS)
    seen = run_with_events()
    spans = list(step_spans(seen).values())
    assert all(span["kind"] == "agent" for span in spans)
    assert [span["agent"] for span in spans] == [SUPERVISOR_AGENT, *[name for worker in WORKERS for name in (worker, SUPERVISOR_AGENT)]]
    assert all(earlier["end"] < later["start"] for earlier, later in zip(spans, spans[1:]))
    assert streamed_text(seen, spans[-1]["stepId"]) == "Final Answer: the supervisor's report"
    assert_model_calls_reported(fake_llm, seen)
    assert_tool_calls_inside_steps(seen, {span["stepId"]: span for span in spans}, own_agent=True)


def test_run_returns_the_final_output_as_text(fake_llm: FakeLLM) -> None:
    result = run(INPUTS)
    assert isinstance(result, str) and result.strip()


def test_the_spec_provider_builds_its_chat_model(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """MODEL_PROVIDER defaults to the spec's provider, whose LangChain integration builds offline."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MODEL_PROVIDER", raising=False)
    monkeypatch.setenv("OLLAMA_BASE_URL", "http://127.0.0.1:11434/")
    from langchain_ollama import ChatOllama

    model = build_chat_model(load_settings())
    assert type(model) is ChatOllama
    assert model.base_url == "http://127.0.0.1:11434"  # the native API root, without /v1
