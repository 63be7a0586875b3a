"""Runs the AutoGen agents against the FakeLLM: the pattern's turn order, real tool calls, an answer, live events."""

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

from writer import events
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


def run_with_events(inputs: dict[str, str]) -> tuple[str, list[dict[str, Any]]]:
    """A real run with live events on, as "run --events" makes it: the answer and every event in order."""
    seen: list[dict[str, Any]] = []
    output = events.traced_run(run, inputs, [seen.append])
    return output, seen


def step_starts(seen: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [event for event in seen if event["type"] == "step-start" and event["kind"] == kind]


def agents_started(seen: list[dict[str, Any]]) -> list[str]:
    """The spec agent of every agent step, in the order the steps started."""
    return [event["agent"] for event in step_starts(seen, "agent")]


def tool_steps(seen: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(tool, agent of the step the call reported) for every tool call, in order."""
    agents = {event["stepId"]: event["agent"] for event in step_starts(seen, "agent")}
    return [(event["tool"], agents[event["stepId"]]) for event in seen if event["type"] == "tool-call-start"]


def assert_tools_ran_in_their_agents_steps(seen: list[dict[str, Any]]) -> None:
    """Each tool call reported the step of an agent that has the tool, and agents with tools called some."""
    calls = tool_steps(seen)
    assert all(tool in AGENTS[agent].tools for tool, agent in calls), calls
    assert bool(calls) == any(AGENTS[agent].tools for agent in agents_started(seen) if agent in AGENTS)


def parents(seen: list[dict[str, Any]]) -> dict[str, str | None]:
    """For a run whose steps nest strictly (no parallel branches): each step's enclosing step."""
    stack: list[str] = []
    found: dict[str, str | None] = {}
    for event in seen:
        if event["type"] == "step-start":
            found[event["stepId"]] = stack[-1] if stack else None
            stack.append(event["stepId"])
        elif event["type"] == "step-end":
            assert stack and stack.pop() == event["stepId"], f"{event['stepId']} ended out of order"
    return found


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


def test_events_show_one_agent_step_per_turn(fake_llm, monkeypatch) -> None:
    turns = len(MEMBERS) + 1
    monkeypatch.setenv("AGENT_MAX_STEPS", str(turns))
    _, seen = run_with_events(INPUTS)
    agent_ids = list(AGENTS)
    assert agents_started(seen) == [agent_ids[index % len(agent_ids)] for index in range(turns)]
    assert set(parents(seen).values()) == {None}
    assert_tools_ran_in_their_agents_steps(seen)


def test_run_returns_the_final_answer(fake_llm) -> None:
    assert run(INPUTS) == FINAL_ANSWER.strip()


def test_command_line_prints_and_writes_the_answer(fake_llm, tmp_path, capsys) -> None:
    target = tmp_path / "answer.md"
    arguments = [argument for name, value in INPUTS.items() for argument in ("--input", f"{name}={value}")]
    assert main(["run", *arguments, "--out", str(target)]) == 0
    assert capsys.readouterr().out.strip() == FINAL_ANSWER.strip()
    assert target.read_text(encoding="utf-8").strip() == FINAL_ANSWER.strip()


def test_live_events_come_from_the_autogen_hooks(fake_llm) -> None:
    output, seen = run_with_events(INPUTS)
    assert (seen[0]["type"], seen[-1]["type"], seen[-1]["output"]) == ("run-start", "run-end", output)
    open_steps: dict[str, dict[str, Any]] = {}
    ended: dict[str, dict[str, Any]] = {}
    for event in seen:
        if event["type"] == "step-start":
            assert event["stepId"] not in open_steps and event["stepId"] not in ended, event
            open_steps[event["stepId"]] = event
        elif event["type"] == "step-end":
            assert event["stepId"] in open_steps, event
            ended[event["stepId"]] = {**open_steps.pop(event["stepId"]), "output": event.get("output")}
        elif event["type"] in ("tool-call-start", "text-delta"):
            # a tool call or streamed text belongs to the agent step that is working on it
            assert open_steps.get(event.get("stepId"), {}).get("kind") == "agent", event
    assert not open_steps and step_starts(seen, "agent")
    # every model call reported its real token counts
    usage = [event for event in seen if event["type"] == "usage"]
    assert len(usage) == len(fake_llm.requests)
    assert all(event["inputTokens"] > 0 and event["outputTokens"] > 0 and event["model"] == "fake-model" for event in usage)
    # the text an agent step streamed is the answer it ended with
    for step_id, step in ended.items():
        if step["kind"] == "agent":
            streamed = "".join(event["delta"] for event in seen if event["type"] == "text-delta" and event["stepId"] == step_id)
            assert streamed.strip() == (step["output"] or "").strip() != "", step_id
