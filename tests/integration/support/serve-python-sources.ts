// Python sources for the serve-and-events integration test: a stand-in framework (an openai-SDK
// agent loop that streams and calls the events hooks) and real protocol clients for serve mode.

/** src/<pkg>/main.py: streams every model call, reports steps, text, usage; tools via TOOLS. */
export const STREAMING_MAIN_PY = String.raw`"""A minimal agent loop over the shared tools, standing in for a framework, with event hooks."""

from __future__ import annotations

import inspect
import json

from openai import OpenAI

from . import events
from .settings import load_settings
from .tools import TOOLS

_TYPES = {"int": "integer", "float": "number", "bool": "boolean"}


def tool_schema(name, function):
    properties, required = {}, []
    for parameter in inspect.signature(function).parameters.values():
        properties[parameter.name] = {"type": _TYPES.get(str(parameter.annotation), "string")}
        if parameter.default is inspect.Parameter.empty:
            required.append(parameter.name)
    description = (function.__doc__ or "").strip().splitlines()[0]
    return {"type": "function", "function": {"name": name, "description": description, "parameters": {"type": "object", "properties": properties, "required": required}}}


def run(inputs: dict[str, str]) -> str:
    settings = load_settings()
    client = OpenAI(base_url=settings.base_url, api_key=settings.api_key or "none", max_retries=0)
    messages = [{"role": "system", "content": "You are a helpful agent."}, {"role": "user", "content": json.dumps(inputs)}]
    extra = {"tools": [tool_schema(name, function) for name, function in TOOLS.items()]} if TOOLS else {}
    events.step_start("agent", "agent", agent="agent")
    for _ in range(settings.max_steps):
        stream = client.chat.completions.create(model=settings.model_id, messages=messages, temperature=settings.temperature, stream=True, stream_options={"include_usage": True}, **extra)
        text, calls = "", {}
        for chunk in stream:
            if chunk.usage:
                events.usage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens, model=settings.model_id)
            for choice in chunk.choices:
                if choice.delta.content:
                    text += choice.delta.content
                    events.text_delta(choice.delta.content)
                for delta in choice.delta.tool_calls or []:
                    entry = calls.setdefault(delta.index, {"id": "", "name": "", "arguments": ""})
                    entry["id"] = delta.id or entry["id"]
                    entry["name"] += (delta.function.name or "") if delta.function else ""
                    entry["arguments"] += (delta.function.arguments or "") if delta.function else ""
        if not calls:
            answer = text.split("Final Answer:")[-1].strip()
            events.step_end("agent", answer)
            return answer
        messages.append({"role": "assistant", "content": text or None, "tool_calls": [{"id": call["id"], "type": "function", "function": {"name": call["name"], "arguments": call["arguments"]}} for call in calls.values()]})
        for call in calls.values():
            function = TOOLS.get(call["name"])
            result = function(**json.loads(call["arguments"] or "{}")) if function else "error: unknown tool"
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": result})
    raise RuntimeError(f"no final answer after {settings.max_steps} steps")
`;

/** Calls a served project with the OpenAI SDK, the MCP SDK client and the A2A SDK client; prints JSON. */
export const PROTOCOL_CLIENTS_PY = String.raw`"""Real protocol clients against a served project: the OpenAI SDK, the MCP SDK and the A2A SDK."""

import asyncio
import json
import sys

import httpx
from openai import OpenAI


def openai_checks(base: str, model: str) -> dict:
    client = OpenAI(base_url=base + "/v1", api_key="unused", max_retries=0)
    models = [entry.id for entry in client.models.list()]
    completion = client.chat.completions.create(model=model, messages=[{"role": "user", "content": "hello"}])
    pieces, reasoning, finish, usage = [], [], None, None
    for chunk in client.chat.completions.create(model=model, messages=[{"role": "user", "content": "hello"}], stream=True, stream_options={"include_usage": True}):
        usage = chunk.usage or usage
        for choice in chunk.choices:
            pieces += [choice.delta.content] if choice.delta.content else []
            extra = (choice.delta.model_extra or {}).get("reasoning_content")
            reasoning += [extra] if extra else []
            finish = choice.finish_reason or finish
    return {"models": models, "answer": completion.choices[0].message.content, "usage": completion.usage.model_dump(), "streamed": "".join(pieces), "pieces": len(pieces), "reasoning": "".join(reasoning), "finish": finish, "streamUsage": usage.model_dump() if usage else None}


async def mcp_checks(base: str, model: str) -> dict:
    from mcp import Client

    async with Client(base + "/mcp") as client:
        tools = (await client.list_tools()).tools
        result = await client.call_tool(model, {"topic": "hello"})
        return {"protocol": client.protocol_version, "tools": [tool.name for tool in tools], "schema": tools[0].input_schema, "isError": result.is_error, "text": result.content[0].text}


async def a2a_checks(base: str) -> dict:
    from a2a.client import ClientConfig, ClientFactory
    from a2a.types.a2a_pb2 import Message, Part, Role, SendMessageRequest, TaskState

    out = {}
    async with httpx.AsyncClient(timeout=600) as http:
        for streaming in (False, True):
            client = await ClientFactory(ClientConfig(streaming=streaming, httpx_client=http)).create_from_url(base)
            request = SendMessageRequest(message=Message(message_id=f"m-{streaming}", role=Role.ROLE_USER, parts=[Part(text="hello")]))
            kinds, final_state, answer = [], None, None
            async for response in client.send_message(request):
                kind = response.WhichOneof("payload")
                kinds.append(kind)
                if kind == "task":
                    final_state = TaskState.Name(response.task.status.state)
                    answer = response.task.artifacts[0].parts[0].text if response.task.artifacts else answer
                elif kind == "status_update":
                    final_state = TaskState.Name(response.status_update.status.state)
                elif kind == "artifact_update":
                    answer = response.artifact_update.artifact.parts[0].text
            out["streaming" if streaming else "blocking"] = {"kinds": kinds, "state": final_state, "answer": answer}
    return out


def main() -> None:
    base, model = sys.argv[1], sys.argv[2]
    report = {"openai": openai_checks(base, model), "mcp": asyncio.run(mcp_checks(base, model)), "a2a": asyncio.run(a2a_checks(base))}
    print(json.dumps(report))


main()
`;
