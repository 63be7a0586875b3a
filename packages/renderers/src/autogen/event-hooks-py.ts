// src/<pkg>/event_hooks.py of an AutoGen project: live RunEvents from AgentChat's own streams and
// autogen_core's event logger. Each agent turn (one on_messages_stream call) is an agent step,
// streamed chunks are text-delta, and the token counts every model client logs become usage.

export function eventHooksPy(): string {
  return `"""AutoGen hooks that feed events.py: agent turns, streamed text and token usage of a run.

Used only while a run records events (AGENT_EVENTS=jsonl or \`run --events\`); otherwise agents are
plain AssistantAgents and nothing listens to the event logger.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncGenerator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.base import Response
from autogen_agentchat.messages import BaseAgentEvent, BaseChatMessage, ModelClientStreamingChunkEvent
from autogen_core import EVENT_LOGGER_NAME, CancellationToken
from autogen_core.logging import LLMCallEvent, LLMStreamEndEvent

from . import events


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


class ObservedAssistant(AssistantAgent):
    """An AssistantAgent that reports its turns from its own event stream.

    Each on_messages_stream call (one turn in a team; the whole run for a lone agent) is an agent
    step, inside a task step when the participant plays a task. The ModelClientStreamingChunkEvents
    it yields are text-delta, and the tools it calls meanwhile report the step as their stepId.
    """

    def __init__(self, name: str, *, step_ids: StepIds, agent_id: str, task_id: str | None, **options: Any) -> None:
        super().__init__(name, **options)
        self._event_step_ids = step_ids
        self._event_agent = agent_id
        self._event_task = task_id

    async def on_messages_stream(
        self, messages: Sequence[BaseChatMessage], cancellation_token: CancellationToken
    ) -> AsyncGenerator[BaseAgentEvent | BaseChatMessage | Response, None]:
        opened: list[str] = []
        if self._event_task is not None:
            opened.append(self._event_step_ids.next("task", self._event_task))
            events.step_start(opened[-1], "task", agent=self._event_agent, task=self._event_task)
        step = self._event_step_ids.next("agent", self._event_agent)
        opened.append(step)
        events.step_start(step, "agent", agent=self._event_agent, task=self._event_task)
        output: str | None = None
        try:
            async for item in super().on_messages_stream(messages, cancellation_token):
                if isinstance(item, ModelClientStreamingChunkEvent):
                    events.text_delta(item.content, step)
                elif isinstance(item, Response):
                    output = item.chat_message.to_text()
                yield item
        finally:
            for opened_step in reversed(opened):
                events.step_end(opened_step, output)


class UsageHandler(logging.Handler):
    """Turns the LLMCallEvent / LLMStreamEndEvent records AutoGen's model clients log after every
    call into usage events of the run that made the call."""

    def __init__(self, run: events.Run, model_id: str) -> None:
        super().__init__(logging.INFO)
        self.run = run
        self.model_id = model_id

    def emit(self, record: logging.LogRecord) -> None:
        call = record.msg
        if not isinstance(call, (LLMCallEvent, LLMStreamEndEvent)) or events.current() is not self.run:
            return
        if call.prompt_tokens or call.completion_tokens:  # zero: the provider reported no usage
            events.usage(call.prompt_tokens, call.completion_tokens, model=self.model_id)


class _LoggerLevel:
    """Holds autogen_core's event logger at INFO while any run listens, then restores its level."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners = 0
        self._saved = logging.NOTSET

    def acquire(self, logger: logging.Logger) -> None:
        with self._lock:
            if self._listeners == 0:
                self._saved = logger.level
                if logger.getEffectiveLevel() > logging.INFO:
                    logger.setLevel(logging.INFO)
            self._listeners += 1

    def release(self, logger: logging.Logger) -> None:
        with self._lock:
            self._listeners -= 1
            if self._listeners == 0:
                logger.setLevel(self._saved)


_LEVEL = _LoggerLevel()


@contextmanager
def model_usage(model_id: str) -> Iterator[None]:
    """While the current run records events, a usage event for each model call (the team's agents
    and a selector alike), from the token counts on autogen_core's event logger."""
    run = events.current()
    if run is None:
        yield
        return
    logger = logging.getLogger(EVENT_LOGGER_NAME)
    handler = UsageHandler(run, model_id)
    _LEVEL.acquire(logger)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        _LEVEL.release(logger)
`;
}
