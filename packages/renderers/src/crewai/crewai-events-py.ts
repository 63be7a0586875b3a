// src/<pkg>/crewai_events.py of CrewAI and CrewAI Flow projects: CrewAI's own events (tasks, flow
// methods, agent executions, LLM calls and stream chunks) translated into the project's RunEvents.

const BODY = String.raw`
StepKey = tuple[str, str]

_translator: contextvars.ContextVar[_Translator | None] = contextvars.ContextVar("crewai_events_translator", default=None)


def _count(usage: dict[str, Any], names: tuple[str, ...]) -> int:
    for name in names:
        value = usage.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return int(value)
    return 0


def _text(value: Any) -> str | None:
    raw = getattr(value, "raw", value)
    return raw if isinstance(raw, str) else None


class _Translator:
    """One run's translation: open steps keyed by the CrewAI object that opened them."""

    def __init__(self, task_ids: dict[str, str]) -> None:
        self.task_ids = task_ids
        self.agent_names: dict[str, str] = {}
        self._open: dict[StepKey, list[str]] = {}
        self._order: list[str] = []
        self._numbers = itertools.count(1)
        self._lock = threading.RLock()

    def __call__(self, source: Any, event: Any) -> None:
        try:
            self._translate(source, event)
        except Exception:  # a translation problem never breaks the run
            pass

    def _start(self, key: StepKey, kind: str, agent: str | None = None, task: str | None = None) -> None:
        with self._lock:
            step_id = f"{kind}:{agent if kind == 'agent' else task}:{next(self._numbers)}"
            self._open.setdefault(key, []).append(step_id)
            self._order.append(step_id)
            events.step_start(step_id, kind, agent=agent, task=task)

    def _end(self, key: StepKey, output: str | None = None) -> None:
        with self._lock:
            steps = self._open.get(key)
            if not steps:
                return
            step_id = steps.pop()
            self._order.remove(step_id)
            events.step_end(step_id, output)

    def close(self) -> None:
        """Ends the steps CrewAI never finished (a failed run), innermost first."""
        with self._lock:
            for step_id in reversed(self._order):
                events.step_end(step_id)
            self._order.clear()
            self._open.clear()

    def agent_step(self, agent_id: str | None) -> str | None:
        with self._lock:
            steps = self._open.get(("agent", str(agent_id)))
            return steps[-1] if steps else None

    def _agent_name(self, agent: Any) -> str:
        return self.agent_names.get(str(getattr(agent, "id", ""))) or str(getattr(agent, "role", "") or "agent")

    def _translate(self, source: Any, event: Any) -> None:
        if isinstance(event, TaskStartedEvent):
            name = str(getattr(event.task, "name", None) or event.task_name or "task")
            self._start(("task", str(event.task_id)), "task", task=self.task_ids.get(name, name))
        elif isinstance(event, (TaskCompletedEvent, TaskFailedEvent)):
            self._end(("task", str(event.task_id)), _text(getattr(event, "output", None)))
        elif isinstance(event, MethodExecutionStartedEvent) and event.method_name in self.task_ids:
            self._start(("method", event.method_name), "task", task=self.task_ids[event.method_name])
        elif isinstance(event, (MethodExecutionFinishedEvent, MethodExecutionFailedEvent)) and event.method_name in self.task_ids:
            self._end(("method", event.method_name), _text(getattr(event, "result", None)))
        elif isinstance(event, AgentExecutionStartedEvent):
            name = getattr(event.task, "name", None)
            task = self.task_ids.get(name, name) if isinstance(name, str) else None
            self._start(("agent", str(event.agent.id)), "agent", agent=self._agent_name(event.agent), task=task)
        elif isinstance(event, (AgentExecutionCompletedEvent, AgentExecutionErrorEvent)):
            self._end(("agent", str(event.agent.id)), _text(getattr(event, "output", None)))
        elif isinstance(event, LiteAgentExecutionStartedEvent):
            self._start(("agent", str(getattr(source, "id", ""))), "agent", agent=self._agent_name(source))
        elif isinstance(event, (LiteAgentExecutionCompletedEvent, LiteAgentExecutionErrorEvent)):
            self._end(("agent", str(getattr(source, "id", ""))), _text(getattr(event, "output", None)))
        elif isinstance(event, LLMStreamChunkEvent):
            # Chunks of tool-call arguments carry tool_call; only model text becomes text-delta.
            if event.tool_call is None and event.chunk:
                events.text_delta(event.chunk, self.agent_step(event.agent_id))
        elif isinstance(event, LLMCallCompletedEvent) and isinstance(event.usage, dict):
            input_tokens = _count(event.usage, ("prompt_tokens", "input_tokens", "prompt_token_count"))
            output_tokens = _count(event.usage, ("completion_tokens", "output_tokens", "candidates_token_count"))
            if input_tokens + output_tokens > 0:
                events.usage(input_tokens, output_tokens, model=event.model)


def name_agent(agent: AgentT, name: str) -> AgentT:
    """Records the spec id of an agent, so its steps say "researcher" rather than its role text."""
    translator = _translator.get()
    if translator is not None:
        translator.agent_names[str(agent.id)] = name
    return agent


@contextmanager
def recording(task_ids: dict[str, str] | None = None) -> Iterator[None]:
    """Translates the CrewAI events of this context into RunEvents while a run records events.

    task_ids maps CrewAI task names, and the names of flow methods that run a task, to spec task ids;
    only the flow methods named there become steps. Outside a recorded run this does nothing.
    """
    if not events.enabled():
        yield
        return
    translator = _Translator(dict(task_ids or {}))
    translator_token = _translator.set(translator)
    sink_token = add_stream_sink(translator)
    # CrewAI's progress panels would land on stdout, next to the answer: quiet while recording.
    was_quiet = should_suppress_console_output()
    set_suppress_console_output(True)
    try:
        yield
    finally:
        set_suppress_console_output(was_quiet)
        reset_stream_sinks(sink_token)
        _translator.reset(translator_token)
        translator.close()
`;

export function crewaiEventsPy(): string {
  return `"""CrewAI's own events as this project's live run events (events.py), while a run records them.

CrewAI hands every event it emits to the stream sinks of the emitting context, synchronously and in
order (CrewAI's stream_events() is built on them); handlers on crewai_event_bus run on a thread pool
and may arrive out of order. recording() adds one sink to the run's own context, so nothing is
registered process-wide and nothing leaks into other runs:

  task started / completed / failed            -> step-start / step-end, kind "task"
  flow method started / finished / failed      -> step-start / step-end, kind "task" (methods that run a task)
  agent execution started / completed / error  -> step-start / step-end, kind "agent" (crew tasks and Agent.kickoff)
  LLM stream chunk with text                   -> text-delta, in the step of the agent that called the model
  LLM call completed with usage                -> usage (prompt and completion tokens, model)

Tool calls come from the tool wrapper in events.py, inside the step of the agent that called them.
"""

from __future__ import annotations

import contextvars
import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from crewai.events import (
    AgentExecutionCompletedEvent,
    AgentExecutionErrorEvent,
    AgentExecutionStartedEvent,
    LiteAgentExecutionCompletedEvent,
    LiteAgentExecutionErrorEvent,
    LiteAgentExecutionStartedEvent,
    LLMCallCompletedEvent,
    LLMStreamChunkEvent,
    MethodExecutionFailedEvent,
    MethodExecutionFinishedEvent,
    MethodExecutionStartedEvent,
    TaskCompletedEvent,
    TaskFailedEvent,
    TaskStartedEvent,
)
from crewai.events.stream_context import add_stream_sink, reset_stream_sinks
from crewai.events.utils.console_formatter import set_suppress_console_output, should_suppress_console_output

from . import events

AgentT = TypeVar("AgentT")
${BODY}`;
}
