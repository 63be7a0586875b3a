"""Runs the crew against the FakeLLM and checks what the supervisor pattern promises."""

from __future__ import annotations

import os

# CrewAI may send telemetry or offer tracing; the tests stay offline. Set before crewai is imported.
os.environ.setdefault("CREWAI_DISABLE_TELEMETRY", "true")
os.environ.setdefault("OTEL_SDK_DISABLED", "true")
os.environ.setdefault("CREWAI_TRACING_ENABLED", "false")

import functools  # noqa: E402
import re  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402

from fake_llm import FakeLLM, offered_tools, pick_tool, tool_arguments, tool_pending  # noqa: E402
from paper_digest import tools as project_tools  # noqa: E402
from paper_digest.main import run  # noqa: E402
import json  # noqa: E402
import fake_llm as fake_server  # noqa: E402
from paper_digest.__main__ import main  # noqa: E402
from test_events import check_protocol  # noqa: E402

CONFIG = Path(project_tools.__file__).resolve().parent.parent / "config"
AGENTS: dict[str, dict[str, str]] = yaml.safe_load((CONFIG / "agents.yaml").read_text(encoding="utf-8"))
TASKS: dict[str, dict[str, Any]] = yaml.safe_load((CONFIG / "tasks.yaml").read_text(encoding="utf-8"))
INPUTS: dict[str, str] = {
    "topic": "multi-agent systems",
}
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_\-]*)\}")

# CrewAI's own code triggers its deprecation warnings; they say nothing about this project.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def fill(text: str) -> str:
    """A text as the agents see it: inputs filled in, any other {name} kept as written."""
    return PLACEHOLDER.sub(lambda match: INPUTS.get(match.group(1), match.group(0)), text)


def answer(name: str) -> str:
    """A recognisable answer for a task or agent."""
    return f"<<answer of {name}>>"


def final(text: str) -> dict[str, Any]:
    return {"content": f"Thought: I now know the final answer\nFinal Answer: {text}"}


def conversation(body: dict[str, Any]) -> str:
    return "\n".join(str(message.get("content") or "") for message in body.get("messages") or [])


def best_match(text: str, candidates: dict[str, str]) -> str | None:
    """The key whose value appears in the text (the longest, when several do)."""
    found = [(len(value), key) for key, value in candidates.items() if value and value in text]
    return max(found)[1] if found else None


def task_of(body: dict[str, Any]) -> str | None:
    """The task a request works on, recognised by its description."""
    return best_match(conversation(body), {task_id: fill(task["description"]) for task_id, task in TASKS.items()})


def agent_of(body: dict[str, Any]) -> str | None:
    """The agent that sent a request, recognised by the role in its system prompt."""
    system = "\n".join(str(message.get("content") or "") for message in body.get("messages") or [] if message.get("role") == "system")
    return best_match(system, {agent_id: f"You are {fill(agent['role'])}" for agent_id, agent in AGENTS.items()})


def wants_tool(body: dict[str, Any]) -> bool:
    """True when the request offers tools and none has answered yet: the autopilot will call one."""
    tools = offered_tools(body)
    return bool(tools) and tool_pending(body, tools)


def act_every_time(body: dict[str, Any]) -> dict[str, Any] | None:
    """A model that never stops calling tools; only a forced final answer (no tools offered) ends it."""
    tools = offered_tools(body)
    if not tools:
        return None
    chosen = pick_tool(tools, None)
    return {"tool_calls": [{"name": chosen["name"], "arguments": tool_arguments(chosen)}]}


@pytest.fixture
def tool_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every call that reaches a real tool function, as (tool id, result); the tools still run."""
    calls: list[tuple[str, str]] = []

    def recording(tool_id: str, function: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(function)
        def record(*args: Any, **kwargs: Any) -> str:
            result = function(*args, **kwargs)
            calls.append((tool_id, result))
            return result

        return record

    for tool_id, function in list(project_tools.TOOLS.items()):
        monkeypatch.setitem(project_tools.TOOLS, tool_id, recording(tool_id, function))
    return calls


def assert_tool_results_reached_the_model(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    assert tool_calls, "no tool call reached a tool function"
    sent = [str(message.get("content")) for message in fake_llm.tool_messages()]
    for tool_id, result in tool_calls:
        assert result in sent, f"the result of {tool_id} never went back to the model"

EXPECTED_ORDER = ["find_papers", "analyse_papers", "write_digest"]
# The agent the manager hands each task to.
WORKER_OF: dict[str, str] = {
    "find_papers": "researcher",
    "analyse_papers": "analyst",
    "write_digest": "writer",
}


def delegate_tool(body: dict[str, Any]) -> str | None:
    return next((tool["name"] for tool in offered_tools(body) if "delegate" in tool["name"]), None)


def manage(body: dict[str, Any]) -> dict[str, Any] | None:
    """The manager delegates its task to the worker once, then answers; workers use a tool, then answer."""
    delegate = delegate_tool(body)
    task_id = task_of(body)
    if delegate is None:
        return None if wants_tool(body) else final(answer(agent_of(body) or "unknown"))
    assert task_id is not None, "the manager got a request for no known task"
    if tool_pending(body, offered_tools(body)):
        coworker = fill(AGENTS[WORKER_OF[task_id]]["role"])
        arguments = {"task": fill(TASKS[task_id]["description"]), "context": "", "coworker": coworker}
        return {"tool_calls": [{"name": delegate, "arguments": arguments}]}
    return final(answer(task_id))


def test_the_manager_delegates_every_task_to_a_worker(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    fake_llm.script = manage
    result = run(dict(INPUTS))

    steps: list[tuple[str | None, str | None]] = []
    for body in fake_llm.requests:
        step = ("manager" if delegate_tool(body) else agent_of(body), task_of(body))
        if not steps or steps[-1] != step:
            steps.append(step)
    expected: list[tuple[str | None, str | None]] = []
    for task_id in EXPECTED_ORDER:
        expected += [("manager", task_id), (WORKER_OF[task_id], task_id), ("manager", task_id)]
    assert steps == expected

    sent = [str(message.get("content")) for message in fake_llm.tool_messages()]
    for task_id in EXPECTED_ORDER:
        assert any(answer(WORKER_OF[task_id]) in content for content in sent), f"the work on {task_id} never reached the manager"
    assert answer(EXPECTED_ORDER[-1]) in result
    assert_tool_results_reached_the_model(fake_llm, tool_calls)


def run_with_events(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    """A real `run --events`: its RunEvent lines, checked against the protocol."""
    path = tmp_path / "events.jsonl"
    monkeypatch.setenv("AGENT_EVENTS_FILE", str(path))
    assert main(["run", "--events", *[f"--input={name}={value}" for name, value in INPUTS.items()]]) == 0
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    check_protocol(lines)
    assert lines[-1]["status"] == "succeeded"
    return lines


def agent_steps(lines: list[dict[str, Any]]) -> list[tuple[str, list[str], list[str]]]:
    """Each agent step in start order: (agent, tasks of the open task steps, agents of the open agent steps)."""
    open_steps: list[dict[str, Any]] = []
    found: list[tuple[str, list[str], list[str]]] = []
    for event in lines:
        if event["type"] == "step-start":
            if event["kind"] == "agent":
                tasks = [step["task"] for step in open_steps if step["kind"] == "task"]
                found.append((event["agent"], tasks, [step["agent"] for step in open_steps if step["kind"] == "agent"]))
            open_steps.append(event)
        elif event["type"] == "step-end":
            open_steps = [step for step in open_steps if step["stepId"] != event["stepId"]]
    return found


def assert_usage_text_and_tool_steps(lines: list[dict[str, Any]], fake_llm: FakeLLM) -> None:
    """One usage event per model call with the tokens the model reported, the streamed text in the
    step of the agent that asked for it, and every tool call inside an agent's step."""
    usage = [event for event in lines if event["type"] == "usage"]
    reported = [fake_server._usage(body, reply) for body, reply in zip(fake_llm.requests, fake_llm.replies)]
    assert len(usage) == len(fake_llm.requests) > 0
    assert all(event["inputTokens"] + event["outputTokens"] > 0 and event["model"] == fake_llm.model for event in usage)
    assert sum(event["inputTokens"] for event in usage) == sum(tokens["prompt_tokens"] for tokens in reported)
    assert sum(event["outputTokens"] for event in usage) == sum(tokens["completion_tokens"] for tokens in reported)

    agent_step_ids = {event["stepId"] for event in lines if event["type"] == "step-start" and event["kind"] == "agent"}
    streamed: dict[str, str] = {}
    for event in lines:
        if event["type"] == "text-delta":
            assert event["stepId"] in agent_step_ids, event
            streamed[event["stepId"]] = streamed.get(event["stepId"], "") + event["delta"]
    texts = [reply["content"] for reply in fake_llm.replies if reply["content"]]
    assert texts, "the model sent no text"
    for text in texts:
        assert any(text in joined for joined in streamed.values()), f"{text!r} never arrived as text-delta"

    open_steps: set[str] = set()
    for event in lines:
        if event["type"] == "step-start":
            open_steps.add(event["stepId"])
        elif event["type"] == "step-end":
            open_steps.discard(event["stepId"])
        elif event["type"] == "tool-call-start":
            assert event.get("stepId") in open_steps & agent_step_ids, event


def test_live_events_nest_each_worker_inside_the_manager(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    MANAGER = "Crew Manager"
    fake_llm.script = manage
    lines = run_with_events(monkeypatch, tmp_path)
    assert agent_steps(lines) == [(MANAGER, ["find_papers"], []), ("researcher", ["find_papers"], [MANAGER]), (MANAGER, ["analyse_papers"], []), ("analyst", ["analyse_papers"], [MANAGER]), (MANAGER, ["write_digest"], []), ("writer", ["write_digest"], [MANAGER])]
    assert_usage_text_and_tool_steps(lines, fake_llm)
