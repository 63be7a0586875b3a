// src/<pkg>/agent.py: the Reason → Act → Observe loop on the OpenAI chat-completions API.

export function agentPy(packageName: string): string {
  return `"""The ReAct loop: Reason → Act → Observe with native tool calling, bounded by settings.max_steps.

Reason: the model reads the conversation and either answers or calls tools.
Act: each tool call runs the real function from tools/.
Observe: the results go back to the model as \`tool\` messages, and it reasons again.
The last allowed model call is told to answer without tools; the loop never runs past it.

With live events on (events.py), one loop is one agent step, each model call streams its text as
text-delta events and reports the response's token usage; tool calls are reported by tools/.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openai import BadRequestError, OpenAI
from openai.types.chat import ChatCompletion

from ${packageName} import events
from ${packageName}.settings import Settings
from ${packageName}.tool_schemas import run_tool, tool_schema

FINAL_STEP_NOTE = "You have reached the step limit: give your final answer now, without calling tools."
NO_ANSWER = "(the agent stopped at the step limit without a final answer)"
logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What one loop produced: the answer, how many model calls it took, and the whole conversation."""

    answer: str
    steps: int
    messages: list[dict[str, Any]] = field(default_factory=list)


def answer_text(content: str | None) -> str:
    """The model's answer, without a ReAct-style "Final Answer:" prefix some models add."""
    text = (content or "").strip()
    if "Final Answer:" in text:
        text = text.split("Final Answer:", 1)[1].strip()
    return text


def assistant_message(message: Any) -> dict[str, Any]:
    """The assistant turn to send back next time, with its tool calls."""
    entry: dict[str, Any] = {"role": "assistant", "content": message.content or ""}
    calls = [call for call in message.tool_calls or [] if call.type == "function"]
    if calls:
        entry["tool_calls"] = [
            {"id": call.id, "type": "function", "function": {"name": call.function.name, "arguments": call.function.arguments}}
            for call in calls
        ]
    return entry


# Models that refused a temperature (reasoning models accept only their default); asked without it.
_NO_TEMPERATURE: set[str] = set()


def create(client: OpenAI, model: str, messages: list[dict[str, Any]], options: dict[str, Any]) -> ChatCompletion:
    """One model call: plain without live events; with them it streams and each text piece becomes a text-delta."""
    if not events.enabled():
        return client.chat.completions.create(model=model, messages=messages, **options)
    with client.chat.completions.stream(model=model, messages=messages, stream_options={"include_usage": True}, **options) as stream:
        for event in stream:
            if event.type == "content.delta":
                events.text_delta(event.delta)
        return stream.get_final_completion()


def complete(client: OpenAI, settings: Settings, messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> ChatCompletion:
    """One chat completion; repeated once without temperature when the model rejects the setting."""
    options: dict[str, Any] = {"tools": tools} if tools else {}
    if settings.model_id not in _NO_TEMPERATURE:
        try:
            return create(client, settings.model_id, messages, {**options, "temperature": settings.temperature})
        except BadRequestError as error:
            if "temperature" not in str(error):
                raise
            _NO_TEMPERATURE.add(settings.model_id)
    return create(client, settings.model_id, messages, options)


def report_usage(response: ChatCompletion) -> None:
    """A usage event with the tokens the response says it used (when the server reports them)."""
    if response.usage is not None:
        events.usage(response.usage.prompt_tokens, response.usage.completion_tokens, model=response.model)


def react(client: OpenAI, settings: Settings, *, agent: str, system: str, prompt: str, tool_ids: Sequence[str], step_id: str | None = None) -> Outcome:
    """Runs the loop for one agent with the given tools and returns its final answer.

    With live events on, the loop is one agent step: step_id, or "agent:<agent>" by default.
    """
    step = step_id or f"agent:{agent}"
    events.step_start(step, "agent", agent=agent)
    answer: str | None = None
    try:
        outcome = loop(client, settings, [{"role": "system", "content": system}, {"role": "user", "content": prompt}], tool_ids)
        answer = outcome.answer
        return outcome
    finally:
        events.step_end(step, answer)


def loop(client: OpenAI, settings: Settings, messages: list[dict[str, Any]], tool_ids: Sequence[str]) -> Outcome:
    """Reason, Act, Observe until the model answers without tools or the step limit is reached."""
    tools = [tool_schema(tool_id) for tool_id in tool_ids]
    for step in range(1, settings.max_steps + 1):
        last_step = step == settings.max_steps
        request = (messages + [{"role": "user", "content": FINAL_STEP_NOTE}]) if last_step else messages
        response = complete(client, settings, request, tools)  # Reason
        report_usage(response)
        message = response.choices[0].message
        turn = assistant_message(message)
        messages.append(turn)
        calls = turn.get("tool_calls", [])
        if not calls or last_step:
            return Outcome(answer_text(message.content) or NO_ANSWER, step, messages)
        for call in calls:
            # Act, then Observe
            logger.info("step %d: %s(%s)", step, call["function"]["name"], call["function"]["arguments"])
            result = run_tool(call["function"]["name"], call["function"]["arguments"])
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": result})
    raise AssertionError("unreachable: the last step always returns")
`;
}
