"""Live run events from LlamaIndex's own hooks; nothing happens while events are off.

- The instrumentation dispatcher (llama_index.core.instrumentation) reports every model call:
  LLMChatInProgressEvent carries each streamed text delta (text-delta), LLMChatEndEvent the final
  response, whose raw usage gives the token counts (usage).
- run_task, called by each Workflow step, opens a task step with the task's agent step inside it.
- relay_turns reads an AgentWorkflow's event stream: each AgentInput names the agent about to call
  the model, so a change of agent ends one agent step and starts the next.
"""

from __future__ import annotations

import contextvars
import threading
from typing import Any

from llama_index.core.agent.workflow import AgentInput, AgentOutput, BaseWorkflowAgent
from llama_index.core.base.llms.types import ChatResponse
from llama_index.core.bridge.pydantic import BaseModel
from llama_index.core.instrumentation import get_dispatcher
from llama_index.core.instrumentation.event_handlers import BaseEventHandler
from llama_index.core.instrumentation.events import BaseEvent
from llama_index.core.instrumentation.events.llm import LLMChatEndEvent, LLMChatInProgressEvent
from llama_index.core.workflow.handler import WorkflowHandler

from . import events

# Token-count names used by the providers' raw responses (OpenAI, Anthropic, Bedrock, Gemini, Ollama).
INPUT_KEYS = ("prompt_tokens", "input_tokens", "inputTokens", "prompt_token_count", "prompt_eval_count")
OUTPUT_KEYS = ("completion_tokens", "output_tokens", "outputTokens", "candidates_token_count", "eval_count")

# The agent step this coroutine works for; workflow agents' tasks inherit it, concurrent tasks do not share it.
_agent_step: contextvars.ContextVar[str | None] = contextvars.ContextVar("llamaindex_agent_step", default=None)
_install_lock = threading.Lock()
_installed = False


def _count(counts: dict[str, Any], keys: tuple[str, ...]) -> int | None:
    return next((counts[key] for key in keys if isinstance(counts.get(key), int)), None)


def token_usage(response: ChatResponse | None) -> tuple[int, int, str | None] | None:
    """(input tokens, output tokens, model) from a model response, or None when it reports no usage."""
    if response is None:
        return None
    raw = response.raw.model_dump() if isinstance(response.raw, BaseModel) else response.raw
    raw = raw if isinstance(raw, dict) else {}
    model = raw.get("model") if isinstance(raw.get("model"), str) else None
    for counts in (raw.get("usage"), raw.get("usage_metadata"), raw, response.additional_kwargs):
        if isinstance(counts, dict):
            input_tokens, output_tokens = _count(counts, INPUT_KEYS), _count(counts, OUTPUT_KEYS)
            if input_tokens is not None and output_tokens is not None and input_tokens + output_tokens > 0:
                return input_tokens, output_tokens, model
    return None


class RunEventHandler(BaseEventHandler):
    """Turns the dispatcher's model-call events into text-delta and usage events of the current run."""

    @classmethod
    def class_name(cls) -> str:
        return "RunEventHandler"

    def handle(self, event: BaseEvent, **kwargs: Any) -> None:
        if not events.enabled():
            return
        if isinstance(event, LLMChatInProgressEvent):
            events.text_delta(event.response.delta or "", _agent_step.get())
        elif isinstance(event, LLMChatEndEvent):
            counts = token_usage(event.response)
            if counts is not None:
                events.usage(counts[0], counts[1], model=counts[2])


def install() -> None:
    """Adds the handler to LlamaIndex's root dispatcher once, and only when a run records events."""
    global _installed
    if not events.enabled():
        return
    with _install_lock:
        if not _installed:
            get_dispatcher().add_event_handler(RunEventHandler())
            _installed = True


async def run_task(task_id: str, agent: BaseWorkflowAgent, prompt: str, max_steps: int) -> str:
    """Runs one task with its agent inside a task step that holds the agent's step."""
    install()
    task_step, agent_step = f"task:{task_id}", f"agent:{agent.name}:{task_id}"
    events.step_start(task_step, "task", agent=agent.name, task=task_id)
    events.step_start(agent_step, "agent", agent=agent.name, task=task_id)
    token = _agent_step.set(agent_step)
    output: str | None = None
    try:
        output = str(await agent.run(user_msg=prompt, max_iterations=max_steps))
    finally:
        _agent_step.reset(token)
        events.step_end(agent_step, output)
        events.step_end(task_step, output)
    return output


async def relay_turns(handler: WorkflowHandler) -> Any:
    """Awaits an AgentWorkflow run, emitting one agent step per turn (a hand-off starts the next)."""
    install()
    if not events.enabled():
        return await handler
    current: tuple[str, str] | None = None  # (agent name, step id)
    said: str | None = None
    turns = 0
    try:
        async for event in handler.stream_events():
            if isinstance(event, AgentInput) and (current is None or current[0] != event.current_agent_name):
                if current is not None:
                    events.step_end(current[1], said)
                turns += 1
                current, said = (event.current_agent_name, f"agent:{event.current_agent_name}:{turns}"), None
                events.step_start(current[1], "agent", agent=event.current_agent_name)
            elif isinstance(event, AgentOutput) and event.response.content:
                said = event.response.content
        return await handler
    finally:
        if current is not None:
            events.step_end(current[1], said)
