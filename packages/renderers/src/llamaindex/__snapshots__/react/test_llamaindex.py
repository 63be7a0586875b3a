"""Runs the LlamaIndex agents against the FakeLLM and checks what the react pattern promises."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from llama_index.core.tools import FunctionTool

from fake_llm import FakeLLM, tool_arguments
from paper_digest import events
from paper_digest.main import run
from paper_digest.prompts import AGENTS, TASKS
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


_TASK = re.compile(r"^Task ([a-z][a-z0-9_]*):", re.MULTILINE)


def first_user_text(body: dict[str, Any]) -> str:
    """The first user message of a request: the task prompt for workflow agents."""
    messages = body.get("messages") or []
    return next((str(message.get("content") or "") for message in messages if message.get("role") == "user"), "")


def task_of(body: dict[str, Any]) -> str | None:
    """The task a request works on, from the "Task <id>:" line of its prompt."""
    match = _TASK.search(first_user_text(body))
    return match.group(1) if match else None


def tasks_started(requests: list[dict[str, Any]]) -> list[str]:
    """Task ids in the order their first model request arrived."""
    started: list[str] = []
    for body in requests:
        task_id = task_of(body)
        if task_id is not None and task_id not in started:
            started.append(task_id)
    return started


def react_action(body: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The first tool of the agent working on this request, with arguments fitting its schema."""
    task_id = task_of(body)
    tools = AGENTS[TASKS[task_id].agent].tools if task_id else ()
    if not tools:
        return None
    name = tools[0]
    schema = FunctionTool.from_defaults(fn=TOOLS[name], name=name).metadata.get_parameters_dict()
    return name, tool_arguments({"name": name, "parameters": schema})


def act(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"content": f"Thought: I should use a tool.\nAction: {name}\nAction Input: {json.dumps(arguments)}"}


def acting_script(actions: list[tuple[str, dict[str, Any]]]) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """Each agent acts once with its first tool (recorded in actions); the autopilot then answers."""

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        messages = body.get("messages") or []
        if messages and str(messages[-1].get("content") or "").startswith("Observation:"):
            return None
        action = react_action(body)
        if action is None:
            return None
        actions.append(action)
        return act(*action)

    return script


def observations(requests: list[dict[str, Any]]) -> list[str]:
    """Every Observation message the ReAct loop sent back to the model."""
    found: list[str] = []
    for body in requests:
        for message in body.get("messages") or []:
            text = str(message.get("content") or "")
            if text.startswith("Observation:") and text not in found:
                found.append(text)
    return found


def test_react_agents_work_through_the_tasks_in_order(fake_llm: FakeLLM) -> None:
    result = run(dict(INPUTS))
    assert tasks_started(fake_llm.requests) == list(TASKS)
    assert "Thought:" in fake_llm.requests[0]["messages"][0]["content"], "the ReAct format is in the system prompt"
    assert result.strip()


def test_the_react_loop_runs_a_real_tool_and_observes_its_result(fake_llm: FakeLLM) -> None:
    actions: list[tuple[str, dict[str, Any]]] = []
    fake_llm.script = acting_script(actions)
    result = run(dict(INPUTS))
    assert actions, "no agent acted"
    expected = {f"Observation: {TOOLS[name](**arguments)}" for name, arguments in actions}
    assert expected & set(observations(fake_llm.requests)), "the real tool's result never reached the model"
    assert "tools" not in fake_llm.requests[0], "ReAct agents describe tools in the prompt, not as API tools"
    assert result.strip()


def test_the_step_limit_ends_an_agent_that_never_stops(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "2")
    fake_llm.script = lambda body: {"content": 'Thought: again.\nAction: lookup\nAction Input: {"query": "more"}'}
    run(dict(INPUTS))
    per_task = {task_id: sum(1 for body in fake_llm.requests if task_of(body) == task_id) for task_id in TASKS}
    assert all(2 <= count <= 3 for count in per_task.values()), per_task


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


def task_steps(seen: list[dict[str, Any]]) -> dict[str, str]:
    """Each task runs in a task step holding one agent step of the task's agent; step ids by task, in start order."""
    starts = balanced_steps(seen)
    tasks = {event["task"]: step_id for step_id, event in starts.items() if event["kind"] == "task"}
    for step_id, event in starts.items():
        if event["kind"] == "agent":
            outer = tasks[event["task"]]
            assert event["agent"] == TASKS[event["task"]].agent == starts[outer]["agent"]
            assert position(seen, "step-start", outer) < position(seen, "step-start", step_id)
            assert position(seen, "step-end", step_id) < position(seen, "step-end", outer)
    return tasks


def test_live_events_show_each_task_with_its_agent(fake_llm: FakeLLM) -> None:
    fake_llm.script = acting_script([])
    result, seen = run_with_events()
    started = task_steps(seen)
    assert list(started) == list(TASKS)
    assert agent_turns(seen) == [task.agent for task in TASKS.values()]
    check_usage_and_text(seen, fake_llm, ordered=True)
    assert tool_calls_in_agent_steps(seen) > 0, "no tool call was reported"
    assert seen[-1]["type"] == "run-end" and seen[-1]["output"] == result


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
