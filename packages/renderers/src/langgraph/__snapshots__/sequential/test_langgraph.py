"""Runs the LangGraph workflow against the FakeLLM: order of work, real tool calls, live events, a final output."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import pytest

from fake_llm import FakeLLM
from paper_digest import events
from paper_digest import graph as workflow
from paper_digest.agents import AGENTS
from paper_digest.llm import build_chat_model
from paper_digest.main import execute, run
from paper_digest.settings import load_settings
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


def last_user_text(body: dict[str, Any]) -> str:
    users = [message for message in body["messages"] if message.get("role") == "user"]
    return str(users[-1].get("content")) if users else ""


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


def first_user_text(body: dict[str, Any]) -> str:
    users = [message for message in body["messages"] if message.get("role") == "user"]
    return str(users[0].get("content")) if users else ""


def answer_as_task(body: dict[str, Any]) -> dict[str, Any] | None:
    """The autopilot calls a tool first; then each task answers "output of <task id>"."""
    if needs_tool(body):
        return None
    match = re.search(r"Task (\w+):", first_user_text(body))
    return {"content": f"Final Answer: output of {match.group(1) if match else 'unknown'}"}


def prompts_by_task(fake_llm: FakeLLM) -> dict[str, str]:
    """The prompt each task's agent received first, by task id."""
    prompts: dict[str, str] = {}
    for body in fake_llm.requests:
        match = re.search(r"Task (\w+):", first_user_text(body))
        if match:
            prompts.setdefault(match.group(1), first_user_text(body))
    return prompts


def assert_context_only(prompts: dict[str, str]) -> None:
    """Each task saw the outputs of exactly its context tasks."""
    for task_id, context in CONTEXT.items():
        for other in CONTEXT:
            shown = f"Output of task {other}:\noutput of {other}" in prompts[task_id]
            assert shown == (other in context), (task_id, other)


def test_tasks_run_in_spec_order_with_their_context(fake_llm: FakeLLM, tool_spy: list[dict[str, Any]]) -> None:
    fake_llm.script = answer_as_task
    state = execute(INPUTS)
    assert state["trace"] == ORDER
    assert_context_only(prompts_by_task(fake_llm))
    assert workflow.final_output(state) == "output of write_digest"
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


TASK_AGENTS = {"find_papers": "researcher", "analyse_papers": "analyst", "write_digest": "writer"}


def test_live_events_show_each_task_and_its_agent_in_order(fake_llm: FakeLLM) -> None:
    fake_llm.script = answer_as_task
    seen = run_with_events()
    spans = step_spans(seen)
    tasks = [span for span in spans.values() if span["kind"] == "task"]
    agents = [span for span in spans.values() if span["kind"] == "agent"]
    assert [span["task"] for span in tasks] == ORDER
    assert [span["agent"] for span in agents] == [TASK_AGENTS[task_id] for task_id in ORDER]
    for task, agent in zip(tasks, agents):
        assert task["start"] < agent["start"] < agent["end"] < task["end"]
        assert task["agent"] == agent["agent"]
        assert streamed_text(seen, agent["stepId"]) == f"Final Answer: output of {task['task']}"
    assert all(earlier["end"] < later["start"] for earlier, later in zip(tasks, tasks[1:]))
    assert_model_calls_reported(fake_llm, seen)
    assert_tool_calls_inside_steps(seen, spans, own_agent=True)


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
