"""Runs the LlamaIndex agents against the FakeLLM and checks what the supervisor pattern promises."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fake_llm import FakeLLM, offered_tools, tool_arguments
from paper_digest import events
from paper_digest.main import run
from paper_digest.prompts import AGENTS, TASKS
from paper_digest.team import SUPERVISOR, supervisor_prompt, worker_prompt
from paper_digest.tools import TOOLS

# Spec inputs with their defaults: the values every test run uses.
INPUTS: dict[str, str] = {"topic": "multi-agent systems"}

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def tool_calls(requests: list[dict[str, Any]]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every tool call the model made, by call id: (tool name, arguments)."""
    calls: dict[str, tuple[str, dict[str, Any]]] = {}
    for body in requests:
        for message in body.get("messages") or []:
            for call in message.get("tool_calls") or []:
                function = call.get("function") or {}
                calls[str(call.get("id"))] = (str(function.get("name")), json.loads(function.get("arguments") or "{}"))
    return calls


def verified_tool_results(requests: list[dict[str, Any]]) -> list[str]:
    """Tools whose result, sent back to the model as a tool message, equals the real function's output."""
    calls = tool_calls(requests)
    verified: list[str] = []
    for body in requests:
        for message in body.get("messages") or []:
            if message.get("role") != "tool":
                continue
            name, arguments = calls.get(str(message.get("tool_call_id")), ("", {}))
            if name in TOOLS and message.get("content") == TOOLS[name](**arguments):
                verified.append(name)
    return verified


WORK_ORDER = [task.agent for task in TASKS.values()]
FINAL = "The team's final answer."


def agent_of(body: dict[str, Any]) -> str:
    """Which agent made a request, from its system prompt."""
    system = str((body.get("messages") or [{}])[0].get("content") or "")
    if system.startswith(supervisor_prompt(INPUTS)):
        return SUPERVISOR
    return next(agent_id for agent_id in AGENTS if system.startswith(worker_prompt(agent_id, INPUTS)))


def last_tool_name(messages: list[dict[str, Any]]) -> str | None:
    """The tool whose result is the last message, if it is a tool result."""
    if not messages or messages[-1].get("role") != "tool":
        return None
    calls = tool_calls([{"messages": messages}])
    return calls.get(str(messages[-1].get("tool_call_id")), (None, {}))[0]


def call(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"tool_calls": [{"name": name, "arguments": arguments}]}


def team_script(body: dict[str, Any], handed: list[str]) -> dict[str, Any]:
    """The supervisor hands tasks out in order; a worker uses its first tool, then hands back."""
    messages = body.get("messages") or []
    if agent_of(body) == SUPERVISOR:
        if len(handed) < len(WORK_ORDER):
            handed.append(WORK_ORDER[len(handed)])
            return call("handoff", {"to_agent": handed[-1], "reason": "your task is next"})
        return {"content": FINAL}
    if last_tool_name(messages) not in (None, "handoff"):
        return call("handoff", {"to_agent": SUPERVISOR, "reason": f"done: {messages[-1].get('content')}"})
    offered = {tool["name"]: tool for tool in offered_tools(body) if tool["name"] != "handoff"}
    if offered:
        name = next(iter(offered))
        return call(name, tool_arguments(offered[name]))
    return call("handoff", {"to_agent": SUPERVISOR, "reason": "done"})


def turns(requests: list[dict[str, Any]]) -> list[str]:
    """The agents in the order they spoke, consecutive calls of one agent counted once."""
    order: list[str] = []
    for body in requests:
        agent_id = agent_of(body)
        if not order or order[-1] != agent_id:
            order.append(agent_id)
    return order


def test_the_supervisor_delegates_every_task_and_finishes(fake_llm: FakeLLM) -> None:
    handed: list[str] = []
    fake_llm.script = lambda body: team_script(body, handed)
    result = run(dict(INPUTS))
    expected = [SUPERVISOR]
    for agent_id in WORK_ORDER:
        expected += [agent_id, SUPERVISOR]
    assert turns(fake_llm.requests) == expected
    assert handed == WORK_ORDER
    assert verified_tool_results(fake_llm.requests), "no tool message carried the real tool's output"
    assert result == FINAL


def run_with_events() -> tuple[str, list[dict[str, Any]]]:
    """A real run with live events on, recorded in a list."""
    seen: list[dict[str, Any]] = []
    result = events.traced_run(run, dict(INPUTS), [seen.append])
    return result, seen


def balanced_steps(seen: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every step starts once and ends once, after its start; the step-start events by id, in order."""
    starts: dict[str, dict[str, Any]] = {}
    ended: set[str] = set()
    for event in seen:
        if event["type"] == "step-start":
            assert event["stepId"] not in starts, f"step {event['stepId']} started twice"
            starts[event["stepId"]] = event
        elif event["type"] == "step-end":
            assert event["stepId"] in starts and event["stepId"] not in ended, event
            ended.add(event["stepId"])
    assert ended == set(starts), "a step was never ended"
    return starts


def position(seen: list[dict[str, Any]], kind: str, step_id: str) -> int:
    return next(index for index, event in enumerate(seen) if event["type"] == kind and event.get("stepId") == step_id)


def agent_turns(seen: list[dict[str, Any]]) -> list[str]:
    return [event["agent"] for event in seen if event["type"] == "step-start" and event["kind"] == "agent"]


def check_usage_and_text(seen: list[dict[str, Any]], fake_llm: FakeLLM, ordered: bool = True) -> None:
    """One usage event with real token counts per model call; the streamed text is the model's text."""
    usage = [event for event in seen if event["type"] == "usage"]
    assert len(usage) == len(fake_llm.requests), "one usage event per model call"
    assert all(event["inputTokens"] > 0 and event["outputTokens"] > 0 and event.get("model") == "fake-model" for event in usage)
    streamed = "".join(event["delta"] for event in seen if event["type"] == "text-delta")
    answered = "".join(reply["content"] or "" for reply in fake_llm.replies)
    if ordered:
        assert streamed == answered
    else:
        assert sorted(streamed) == sorted(answered)
    assert all(event.get("stepId") for event in seen if event["type"] == "text-delta")


def tool_calls_in_agent_steps(seen: list[dict[str, Any]]) -> int:
    """Each tool call names an agent step that is working; when only one is, its agent owns the tool."""
    working: dict[str, str] = {}
    calls = 0
    for event in seen:
        if event["type"] == "step-start" and event["kind"] == "agent":
            working[event["stepId"]] = event["agent"]
        elif event["type"] == "step-end":
            working.pop(event["stepId"], None)
        elif event["type"] == "tool-call-start":
            calls += 1
            assert event.get("stepId") in working, event
            if len(working) == 1:
                assert event["tool"] in AGENTS[working[event["stepId"]]].tools, event
    return calls


def test_live_events_show_every_turn_of_the_team(fake_llm: FakeLLM) -> None:
    handed: list[str] = []
    fake_llm.script = lambda body: team_script(body, handed)
    result, seen = run_with_events()
    starts = balanced_steps(seen)
    expected = [SUPERVISOR]
    for agent_id in WORK_ORDER:
        expected += [agent_id, SUPERVISOR]
    assert agent_turns(seen) == expected == turns(fake_llm.requests)
    ids = list(starts)
    for before, after in zip(ids, ids[1:]):
        assert position(seen, "step-end", before) < position(seen, "step-start", after), "turns overlap"
    check_usage_and_text(seen, fake_llm)
    assert tool_calls_in_agent_steps(seen) > 0, "no tool call was reported"
    assert seen[-1]["type"] == "run-end" and seen[-1]["output"] == result == FINAL


def test_the_ollama_provider_gets_its_own_llamaindex_model(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from llama_index.llms.ollama import Ollama
    from paper_digest.llm import build_llm
    from paper_digest.settings import load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MODEL_PROVIDER", "ollama")
    monkeypatch.setenv("OLLAMA_BASE_URL", "http://127.0.0.1:11434")
    llm = build_llm(load_settings())
    assert isinstance(llm, Ollama)
    assert llm.metadata.is_function_calling_model
