"""Runs the LlamaIndex agents against the FakeLLM and checks what the react pattern promises."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from llama_index.core.tools import FunctionTool

from answer_questions_over_our_internal_docs.main import run
from answer_questions_over_our_internal_docs.prompts import AGENTS, TASKS
from answer_questions_over_our_internal_docs.tools import TOOLS
from fake_llm import FakeLLM, tool_arguments

# Spec inputs with their defaults: the values every test run uses.
INPUTS: dict[str, str] = {"request": "Answer questions over our internal docs knowledge base and cite the files"}

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

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        messages = body.get("messages") or []
        if messages and str(messages[-1].get("content") or "").startswith("Observation:"):
            return None  # the autopilot writes the final answer
        action = react_action(body)
        if action is None:
            return None
        actions.append(action)
        return act(*action)

    fake_llm.script = script
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


def test_the_ollama_provider_gets_its_own_llamaindex_model(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from llama_index.llms.ollama import Ollama
    from answer_questions_over_our_internal_docs.llm import build_llm
    from answer_questions_over_our_internal_docs.settings import load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MODEL_PROVIDER", "ollama")
    monkeypatch.setenv("OLLAMA_BASE_URL", "http://127.0.0.1:11434")
    llm = build_llm(load_settings())
    assert isinstance(llm, Ollama)
    assert llm.metadata.is_function_calling_model
