"""Runs the Strands agents against the FakeLLM: the pattern's order, real tool calls, an answer, live events, no AWS."""

from __future__ import annotations

import functools
import inspect
import json
import typing
from collections.abc import Callable
from typing import Any

import pytest

from fake_llm import FINAL_ANSWER, FakeLLM

from on_aws import events
from on_aws.__main__ import main
from on_aws.agents import STEP_LIMIT_NOTE
from on_aws.main import run, run_agents
from on_aws.prompts import AGENTS, TASKS, persona, task_instruction
from on_aws.tools import TOOLS

INPUTS: dict[str, str] = {"request": "On AWS, a supervisor that queries the SQL database for costs, calculates monthly totals and posts a summary to Slack"}


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


@pytest.fixture(autouse=True)
def no_aws(monkeypatch: pytest.MonkeyPatch) -> None:
    """Strands defaults to Bedrock; with an explicit model nothing may create an AWS session."""

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("an AWS session or Bedrock model was created")

    monkeypatch.setattr("boto3.session.Session.__init__", refuse)
    monkeypatch.setattr("strands.models.bedrock.BedrockModel.__init__", refuse)


def text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def system_text(body: dict[str, Any]) -> str:
    messages = body.get("messages") or []
    return text_of(messages[0].get("content")) if messages and messages[0].get("role") == "system" else ""


def user_text(body: dict[str, Any]) -> str:
    """The text of the last user message of a request."""
    users = [message for message in body.get("messages") or [] if message.get("role") == "user"]
    return text_of(users[-1].get("content")) if users else ""


def offered_tools(body: dict[str, Any]) -> list[str]:
    return [tool["function"]["name"] for tool in body.get("tools") or []]


def first_request_with_system(fake_llm: FakeLLM, marker: str) -> dict[str, Any]:
    for body in fake_llm.requests:
        if marker in system_text(body):
            return body
    raise AssertionError(f"no model request had a system message containing {marker!r}")


def tool_round_trips(fake_llm: FakeLLM) -> list[tuple[str, dict[str, Any], str]]:
    """(tool, arguments, result text) for every result of a project tool that went back to the model."""
    calls: dict[str, tuple[str, dict[str, Any]]] = {}
    for body in fake_llm.requests:
        for message in body.get("messages") or []:
            for call in message.get("tool_calls") or []:
                calls[call["id"]] = (call["function"]["name"], json.loads(call["function"]["arguments"] or "{}"))
    trips = [(*calls[message["tool_call_id"]], text_of(message["content"])) for message in fake_llm.tool_messages()]
    return [trip for trip in trips if trip[0] in TOOLS]


def assert_real_tool_results(fake_llm: FakeLLM, tool_log: list[tuple[str, dict[str, Any], str]]) -> None:
    """Tool calls reached the project's real tool functions, and what they returned went back to the model."""
    trips = tool_round_trips(fake_llm)
    if not any(agent.tools for agent in AGENTS.values()):
        assert trips == [] and tool_log == []
        return
    assert trips, "no tool result went back to the model"
    for name, arguments, text in trips:
        if STEP_LIMIT_NOTE in text:
            continue  # a call the step limit refused never reached the tool
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


def is_supervisor_request(body: dict[str, Any]) -> bool:
    return set(offered_tools(body)) == set(AGENTS)


def delegate_in_turn(fake_llm: FakeLLM) -> list[tuple[str, Any]]:
    """Scripts the supervisor to hand task i to worker i (round the workers), then answer: (worker, task)."""
    workers = list(AGENTS)
    picks = [(workers[index % len(workers)], task) for index, task in enumerate(TASKS)]
    queue = list(picks)

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        if is_supervisor_request(body) and queue:
            worker, task = queue.pop(0)
            return {"tool_calls": [{"name": worker, "arguments": {"input": task_instruction(task, INPUTS)}}]}
        return None

    fake_llm.script = script
    return picks


def test_supervisor_delegates_every_task_to_a_worker_then_answers(fake_llm, tool_log) -> None:
    picks = delegate_in_turn(fake_llm)
    result = run_agents(INPUTS)
    assert result.steps == tuple(worker for worker, _ in picks)
    assert result.output == FINAL_ANSWER.strip()
    # each worker got its task, and its answer went back to the supervisor as a tool result
    for worker, task in picks:
        received = [user_text(body) for body in fake_llm.requests if system_text(body) == persona(AGENTS[worker], INPUTS)]
        assert any(task_instruction(task, INPUTS) in text for text in received), (worker, task.id)
    final = fake_llm.requests[-1]
    assert is_supervisor_request(final)
    delegated = [message for message in final["messages"] if message.get("role") == "tool"]
    assert len(delegated) == len(picks)
    assert_real_tool_results(fake_llm, tool_log)


def test_events_show_the_supervisor_step_holding_each_worker_step(fake_llm) -> None:
    picks = delegate_in_turn(fake_llm)
    _, seen = run_with_events(INPUTS)
    assert agents_started(seen) == ["supervisor", *(worker for worker, _ in picks)]
    supervisor, *workers = step_starts(seen, "agent")
    enclosing = parents(seen)
    assert all(enclosing[worker["stepId"]] == supervisor["stepId"] for worker in workers)
    assert_tools_ran_in_their_agents_steps(seen)


def test_run_returns_the_final_answer(fake_llm) -> None:
    assert FINAL_ANSWER.strip() in run(INPUTS)


def test_command_line_prints_and_writes_the_answer(fake_llm, tmp_path, capsys) -> None:
    target = tmp_path / "answer.md"
    arguments = [argument for name, value in INPUTS.items() for argument in ("--input", f"{name}={value}")]
    assert main(["run", *arguments, "--out", str(target)]) == 0
    assert FINAL_ANSWER.strip() in capsys.readouterr().out
    assert FINAL_ANSWER.strip() in target.read_text(encoding="utf-8")


def test_live_events_come_from_the_strands_hooks(fake_llm) -> None:
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
