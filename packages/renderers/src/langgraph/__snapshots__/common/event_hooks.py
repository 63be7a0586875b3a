"""Live run events from LangGraph's own hooks: a LangChain callback handler passed in the run's config.

LangChain calls a callback handler inline, in the thread that runs the node or model, so events come
out in the order the work happens (graph.stream() would deliver node updates only after each node,
behind the tool calls it made). Nothing here runs when events are off: callbacks() returns [].
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.outputs import LLMResult

from paper_digest import events

AGENT_LOOP = "agent_loop"  # the run name of every agent's loop graph (see agent_loop.py)
AGENT_KEY = "agent_generator_agent"  # config metadata naming the spec agent a loop runs for


@dataclass(frozen=True)
class Step:
    """What a graph node is, for events: a task (with its agent) or an agent turn."""

    kind: str  # "task" or "agent"
    agent: str | None = None
    task: str | None = None


class RunEventHandler(BaseCallbackHandler):
    """Reports one graph run to events.py; LangChain calls it inline, in the thread doing the work.

    - a node of the top-level graph listed in nodes -> step-start / step-end (a task or an agent turn)
    - an agent loop (a run named AGENT_LOOP with AGENT_KEY in its metadata) -> an agent step
    - a chat model token (on_llm_new_token, when the model streams) -> text-delta of the enclosing step
    - a finished chat model call (on_llm_end) -> usage with the message's usage_metadata
    """

    def __init__(self, nodes: dict[str, Step]) -> None:
        super().__init__()
        self._nodes = nodes
        self._lock = threading.Lock()
        self._root: UUID | None = None
        self._parents: dict[UUID, UUID | None] = {}
        self._steps: dict[UUID, str] = {}
        self._count = 0

    def _step_for(self, name: str | None, parent: UUID | None, metadata: dict[str, Any]) -> Step | None:
        if name in self._nodes and parent is not None and parent == self._root:
            return self._nodes[name]
        if name == AGENT_LOOP and AGENT_KEY in metadata:
            return Step("agent", agent=str(metadata[AGENT_KEY]))
        return None

    def _enclosing_step(self, run_id: UUID) -> str | None:
        current: UUID | None = run_id
        while current is not None:
            if current in self._steps:
                return self._steps[current]
            current = self._parents.get(current)
        return None

    def _open(self, run_id: UUID, parent_run_id: UUID | None) -> None:
        with self._lock:
            if parent_run_id is None:
                self._root = run_id
            self._parents[run_id] = parent_run_id

    def on_chain_start(self, serialized: dict[str, Any] | None, inputs: Any, *, run_id: UUID, parent_run_id: UUID | None = None, metadata: dict[str, Any] | None = None, **kwargs: Any) -> None:
        self._open(run_id, parent_run_id)
        step = self._step_for(kwargs.get("name"), parent_run_id, metadata or {})
        if step is None:
            return
        with self._lock:
            self._count += 1
            step_id = f"{step.kind}:{step.task if step.kind == 'task' else step.agent}:{self._count}"
            self._steps[run_id] = step_id
        events.step_start(step_id, step.kind, agent=step.agent, task=step.task)

    def _close(self, run_id: UUID, output: str | None) -> None:
        with self._lock:
            step_id = self._steps.pop(run_id, None)
            self._parents.pop(run_id, None)
        if step_id is not None:
            events.step_end(step_id, output)

    def on_chain_end(self, outputs: Any, *, run_id: UUID, **kwargs: Any) -> None:
        self._close(run_id, output_text(outputs) if run_id in self._steps else None)

    def on_chain_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        self._close(run_id, None)

    def on_chat_model_start(self, serialized: dict[str, Any] | None, messages: Any, *, run_id: UUID, parent_run_id: UUID | None = None, **kwargs: Any) -> None:
        self._open(run_id, parent_run_id)

    def on_llm_start(self, serialized: dict[str, Any] | None, prompts: Any, *, run_id: UUID, parent_run_id: UUID | None = None, **kwargs: Any) -> None:
        self._open(run_id, parent_run_id)

    def on_llm_new_token(self, token: Any, *, run_id: UUID, chunk: Any = None, **kwargs: Any) -> None:
        text = token if isinstance(token, str) else getattr(getattr(chunk, "message", None), "text", "")
        if text:
            with self._lock:
                step_id = self._enclosing_step(run_id)
            events.text_delta(text, step_id)

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, **kwargs: Any) -> None:
        self._parents.pop(run_id, None)
        for generations in response.generations:
            for generation in generations:
                report_usage(getattr(generation, "message", None), response.llm_output or {})

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        self._parents.pop(run_id, None)


def report_usage(message: Any, llm_output: dict[str, Any]) -> None:
    """usage for one model answer, from LangChain's standard usage_metadata (skipped when absent)."""
    usage = getattr(message, "usage_metadata", None)
    if not usage:
        return
    metadata = getattr(message, "response_metadata", None) or {}
    model = metadata.get("model_name") or metadata.get("model") or llm_output.get("model_name")
    events.usage(usage.get("input_tokens", 0), usage.get("output_tokens", 0), model=str(model) if model else None)


def output_text(outputs: Any) -> str | None:
    """A step's output for step-end: its task's output, else the text of its last message."""
    if not isinstance(outputs, dict):
        return None
    results = outputs.get("outputs")
    if isinstance(results, dict) and len(results) == 1:
        return str(next(iter(results.values())))
    messages = outputs.get("messages")
    last = messages[-1] if isinstance(messages, list) and messages else None
    text = getattr(last, "text", None)
    return text if isinstance(text, str) and text else None


def callbacks(nodes: dict[str, Step]) -> list[BaseCallbackHandler]:
    """The handlers for one graph run: a RunEventHandler when live events are on, else none."""
    return [RunEventHandler(nodes)] if events.enabled() else []
