// src/<pkg>/serve_openai.py: the OpenAI-compatible endpoints of a served project: the project as a
// model, and chat completions (JSON or SSE) that run the agents on the last user message.
const SOURCE = String.raw`"""OpenAI-compatible endpoints: GET /v1/models and POST /v1/chat/completions.

The last user message becomes the first input of the run; string values in the request's
"metadata" whose keys are input names set the other inputs. With "stream": true the answer arrives as
SSE chunks; text the agents stream while they work arrives first as "reasoning_content" deltas
(a common extension), then the answer as "content" deltas, then [DONE].
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any

from . import service_info
from .serve_http import ClientGone, Exchange, HttpError
from .serve_runner import AgentFailed, AgentRun, Service

OWNER = "agent-generator"


def model_card(service: Service) -> dict[str, Any]:
    return {"id": service_info.SLUG, "object": "model", "created": service.started, "owned_by": OWNER}


def send_error(exchange: Exchange, status: int, message: str, code: str) -> None:
    kind = "invalid_request_error" if status < 500 else "server_error"
    exchange.send_json(status, {"error": {"message": message, "type": kind, "param": None, "code": code}})


def list_models(exchange: Exchange, service: Service) -> None:
    exchange.send_json(200, {"object": "list", "data": [model_card(service)]})


def get_model(exchange: Exchange, service: Service, model_id: str) -> None:
    if model_id != service_info.SLUG:
        return send_error(exchange, 404, f"The model {model_id!r} does not exist; this server serves {service_info.SLUG!r}.", "model_not_found")
    exchange.send_json(200, model_card(service))


def message_text(content: Any) -> str:
    """The text of a message content: a string or a list of {"type": "text", "text": ...} parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [part.get("text") for part in content if isinstance(part, dict) and part.get("type") == "text"]
        if texts and all(isinstance(text, str) for text in texts):
            return "\n".join(texts)
    raise HttpError(400, "the last user message needs text content: a string or text parts")


@dataclass(frozen=True)
class ChatRequest:
    text: str
    values: dict[str, str]
    stream: bool
    include_usage: bool


def parse_request(body: Any) -> ChatRequest:
    """The parts of a chat-completions body the agents use; metadata may set the other inputs."""
    if not isinstance(body, dict):
        raise HttpError(400, "the request body must be a JSON object")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages or not all(isinstance(message, dict) and isinstance(message.get("role"), str) for message in messages):
        raise HttpError(400, "'messages' must be a non-empty array of objects with a 'role'")
    users = [message for message in messages if message["role"] == "user"]
    if not users:
        raise HttpError(400, "'messages' needs at least one user message")
    stream = body.get("stream", False)
    options = body.get("stream_options") or {}
    if not isinstance(stream, bool) or not isinstance(options, dict):
        raise HttpError(400, "'stream' must be a boolean and 'stream_options' an object")
    model = body.get("model", service_info.SLUG)
    metadata = body.get("metadata") or {}
    if not isinstance(model, str) or not isinstance(metadata, dict):
        raise HttpError(400, "'model' must be a string and 'metadata' an object")
    known = {entry["name"] for entry in service_info.INPUTS}
    values = {name: value for name, value in metadata.items() if name in known and isinstance(value, str)}
    return ChatRequest(message_text(users[-1].get("content")), values, stream, options.get("include_usage") is True)


def usage_of(agent_run: AgentRun) -> dict[str, int]:
    return {"prompt_tokens": agent_run.input_tokens, "completion_tokens": agent_run.output_tokens, "total_tokens": agent_run.input_tokens + agent_run.output_tokens}


def pieces(text: str, words_per_piece: int = 4) -> list[str]:
    """The answer split into small deltas that join back to exactly the answer."""
    words = re.findall(r"\s*\S+\s*", text) or [text]
    return ["".join(words[index:index + words_per_piece]) for index in range(0, len(words), words_per_piece)]


def chat_completions(exchange: Exchange, service: Service) -> None:
    try:
        request = parse_request(exchange.read_json())
        inputs = service.complete_inputs(request.text, request.values)
    except HttpError as error:
        return send_error(exchange, error.status, error.message, error.code)
    except ValueError as error:
        return send_error(exchange, 400, str(error), "invalid_input")
    agent_run = AgentRun(service.run, inputs).start()
    completion_id = "chatcmpl-" + uuid.uuid4().hex
    created = int(time.time())
    if request.stream:
        return stream_completion(exchange, agent_run, {"id": completion_id, "created": created, "include_usage": request.include_usage})
    try:
        answer = agent_run.wait()
    except AgentFailed as error:
        return send_error(exchange, 500, f"the agents failed: {error}", "agent_failed")
    choice = {"index": 0, "message": {"role": "assistant", "content": answer, "refusal": None}, "logprobs": None, "finish_reason": "stop"}
    exchange.send_json(200, {"id": completion_id, "object": "chat.completion", "created": created, "model": service_info.SLUG, "choices": [choice], "usage": usage_of(agent_run)})


def stream_completion(exchange: Exchange, agent_run: AgentRun, meta: dict[str, Any]) -> None:
    def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> None:
        body = {"id": meta["id"], "object": "chat.completion.chunk", "created": meta["created"], "model": service_info.SLUG, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}]}
        exchange.send_event(json.dumps(body, ensure_ascii=False))

    try:
        exchange.start_events()
        chunk({"role": "assistant", "content": ""})
        for event in agent_run.stream():
            if event is None:
                exchange.send_comment("keep-alive")
            elif event["type"] == "text-delta":
                chunk({"reasoning_content": event["delta"]})
        try:
            answer = agent_run.wait()
        except AgentFailed as error:
            exchange.send_event(json.dumps({"error": {"message": f"the agents failed: {error}", "type": "server_error", "code": "agent_failed"}}))
            exchange.send_event("[DONE]")
            return
        for piece in pieces(answer):
            chunk({"content": piece})
        chunk({}, "stop")
        if meta["include_usage"]:
            body = {"id": meta["id"], "object": "chat.completion.chunk", "created": meta["created"], "model": service_info.SLUG, "choices": [], "usage": usage_of(agent_run)}
            exchange.send_event(json.dumps(body))
        exchange.send_event("[DONE]")
    except ClientGone:
        return
`;

export function serveOpenaiPy(): string {
  return SOURCE;
}
