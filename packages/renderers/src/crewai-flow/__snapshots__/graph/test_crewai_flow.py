"""Runs the flow against the FakeLLM and checks what the graph pattern promises."""

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
from paper_digest.main import kickoff  # noqa: E402
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

# The tasks each task waits for: its context (the graph edges).
WAITS_FOR: dict[str, list[str]] = {
    "find_papers": [],
    "analyse_papers": ["find_papers"],
    "write_digest": ["analyse_papers"],
}


def answer_each_task(body: dict[str, Any]) -> dict[str, Any] | None:
    """Lets the autopilot call an offered tool first, then answers with a text naming the task."""
    if wants_tool(body):
        return None
    return final(answer(task_of(body) or "unknown"))


def assert_each_task_saw_only_its_context(requests: list[dict[str, Any]]) -> None:
    for task_id, task in TASKS.items():
        prompt = conversation(next(body for body in requests if task_of(body) == task_id))
        for other in TASKS:
            if other in (task.get("context") or []):
                assert answer(other) in prompt, f"{task_id} did not receive the output of {other}"
            elif other != task_id:
                assert answer(other) not in prompt, f"{task_id} received {other}, which is not in its context"


def test_every_task_runs_after_the_tasks_it_waits_for(fake_llm: FakeLLM) -> None:
    fake_llm.script = answer_each_task
    flow = kickoff(dict(INPUTS))

    calls: dict[str, list[int]] = {}
    for index, body in enumerate(fake_llm.requests):
        task_id = task_of(body)
        assert task_id is not None, "a model request that belongs to no task"
        calls.setdefault(task_id, []).append(index)
    assert set(calls) == set(TASKS)
    for task_id, dependencies in WAITS_FOR.items():
        for dependency in dependencies:
            assert max(calls[dependency]) < min(calls[task_id]), f"{task_id} started before {dependency} finished"
    assert sorted(flow.state.completed) == sorted(TASKS)
    for task_id, dependencies in WAITS_FOR.items():
        for dependency in dependencies:
            assert flow.state.completed.index(dependency) < flow.state.completed.index(task_id)

    assert_each_task_saw_only_its_context(fake_llm.requests)
    for task_id in TASKS:
        assert answer(task_id) in flow.state.outputs[task_id], "the state lost a task's output"
    final_tasks = [task_id for task_id in TASKS if not any(task_id in (task.get("context") or []) for task in TASKS.values())]
    for task_id in final_tasks:
        assert answer(task_id) in flow.state.answer


def test_task_texts_reach_the_model_as_written(fake_llm: FakeLLM) -> None:
    """Only inputs are filled in; any other {name} in the YAML (JSON, templates) stays literal."""
    run(dict(INPUTS))
    seen = "\n".join(conversation(body) for body in fake_llm.requests)
    for task_id, task in TASKS.items():
        assert fill(task["description"]) in seen, f"the description of {task_id} was changed"
        assert fill(task["expected_output"]) in seen, f"the expected output of {task_id} was changed"


def test_tool_results_go_back_to_the_model(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    result = run(dict(INPUTS))
    assert_tool_results_reached_the_model(fake_llm, tool_calls)
    assert result.strip()


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


def test_live_events_show_each_task_and_its_agent(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_llm.script = answer_each_task
    lines = run_with_events(monkeypatch, tmp_path)
    steps = agent_steps(lines)
    assert sorted(agent for agent, _, _ in steps) == sorted(task["agent"] for task in TASKS.values())
    # Parallel branches overlap, so an agent's step may start while another branch's steps are open.
    for agent, tasks, _ in steps:
        assert any(TASKS[task_id]["agent"] == agent for task_id in tasks), (agent, tasks)
    started = [event["task"] for event in lines if event["type"] == "step-start" and event["kind"] == "task"]
    assert sorted(started) == sorted(TASKS)
    for task_id, dependencies in WAITS_FOR.items():
        for dependency in dependencies:
            assert started.index(dependency) < started.index(task_id), f"{task_id} started before {dependency}"
    assert_usage_text_and_tool_steps(lines, fake_llm)
