"""Strands hooks that feed events.py: steps, streamed text and token usage of a run.

Used only while a run records events (AGENT_EVENTS=jsonl or `run --events`); otherwise no agent
gets these hooks or a callback handler.
"""

from __future__ import annotations

import threading
from typing import Any

from strands.hooks import (
    AfterInvocationEvent,
    AfterNodeCallEvent,
    BeforeInvocationEvent,
    BeforeNodeCallEvent,
    HookProvider,
    HookRegistry,
)
from strands.multiagent.base import NodeResult

from . import events
from .prompts import TASKS


class StepIds:
    """Step ids unique within one run: "agent:writer" for a first turn, then "agent:writer#2" ..."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def next(self, kind: str, name: str) -> str:
        key = f"{kind}:{name}"
        with self._lock:
            count = self._counts[key] = self._counts.get(key, 0) + 1
        return key if count == 1 else f"{key}#{count}"


class AgentEvents(HookProvider):
    """One agent's live events: each invocation (BeforeInvocationEvent ... AfterInvocationEvent) is an
    agent step; `callback`, the agent's callback_handler, reports streamed text ("data") as text-delta
    and the usage in each model call's metadata event as usage. Tools called meanwhile report the step.
    """

    def __init__(self, step_ids: StepIds, agent_id: str, *, task_id: str | None, model_id: str) -> None:
        self.step_ids = step_ids
        self.agent_id = agent_id
        self.task_id = task_id
        self.model_id = model_id
        self.step: str | None = None

    def register_hooks(self, registry: HookRegistry, **_: Any) -> None:
        registry.add_callback(BeforeInvocationEvent, self.start)
        registry.add_callback(AfterInvocationEvent, self.end)

    def start(self, _event: BeforeInvocationEvent) -> None:
        self.step = self.step_ids.next("agent", self.agent_id)
        events.step_start(self.step, "agent", agent=self.agent_id, task=self.task_id)

    def end(self, event: AfterInvocationEvent) -> None:
        if self.step is not None:
            events.step_end(self.step, None if event.result is None else str(event.result).strip())
            self.step = None

    def callback(self, **kwargs: Any) -> None:
        if isinstance(kwargs.get("data"), str):
            events.text_delta(kwargs["data"], self.step)
        chunk = kwargs.get("event")
        usage = chunk.get("metadata", {}).get("usage") if isinstance(chunk, dict) else None
        if usage:
            events.usage(usage.get("inputTokens", 0), usage.get("outputTokens", 0), model=self.model_id)


def node_text(node: NodeResult) -> str:
    """The answer of a finished graph node: its agents' final messages."""
    return "\n".join(str(agent_result).strip() for agent_result in node.get_agent_results())


class TaskEvents(HookProvider):
    """A graph's live events: each node call (BeforeNodeCallEvent ... AfterNodeCallEvent) is a task
    step, around the agent step of the agent that plays the task."""

    def __init__(self, step_ids: StepIds) -> None:
        self.step_ids = step_ids
        self.agents = {task.id: task.agent for task in TASKS}
        self.steps: dict[str, str] = {}

    def register_hooks(self, registry: HookRegistry, **_: Any) -> None:
        registry.add_callback(BeforeNodeCallEvent, self.start)
        registry.add_callback(AfterNodeCallEvent, self.end)

    def start(self, event: BeforeNodeCallEvent) -> None:
        step = self.steps[event.node_id] = self.step_ids.next("task", event.node_id)
        events.step_start(step, "task", agent=self.agents.get(event.node_id), task=event.node_id)

    def end(self, event: AfterNodeCallEvent) -> None:
        step = self.steps.pop(event.node_id, None)
        if step is not None:
            result = event.source.state.results.get(event.node_id)
            events.step_end(step, None if result is None else node_text(result))
