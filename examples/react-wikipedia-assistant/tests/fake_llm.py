"""FakeLLM: an in-process OpenAI-compatible chat-completions server for offline tests.

Speaks enough of the protocol for the openai SDK and the agent frameworks built on it:
GET /v1/models, POST /v1/chat/completions (JSON and SSE streaming, tool calls, usage) and
POST /v1/embeddings, also without the /v1 prefix. Stdlib only.

A reply is {"content": str} or {"tool_calls": [{"name": str, "arguments": dict}]} (or both).
`script` is a list of replies consumed in order, or a callable (request_body) -> reply; a callable
may return None to let the autopilot answer. When there is no script, or it is exhausted, the
autopilot answers: if the request offers tools and none of the offered tools has been answered by
a `tool` message since the last user message, it calls ONE offered tool (a tool of this project
first) with sensible arguments; a request with a json_schema response_format gets JSON built from
the schema; otherwise it gives a ReAct-style final answer.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = dict[str, Any]
Script = list[Reply] | Callable[[dict[str, Any]], Reply | None] | None

# This project's tools, preferred when a request offers several.
SPEC_TOOLS: tuple[str, ...] = ("web_search",)
FINAL_ANSWER = "Thought: I now know the final answer\nFinal Answer: The fake model has finished the task."
CREATED = 1_700_000_000

# Arguments the autopilot sends to known tools; unknown tools get arguments built from their schema.
DEFAULT_ARGUMENTS: dict[str, dict[str, Any]] = {
    "web_search": {"query": "multi-agent systems", "max_results": 3},
    "http_request": {"url": "http://127.0.0.1:9/", "method": "GET"},
    "web_scraper": {"url": "http://127.0.0.1:9/"},
    "pdf_reader": {"path": "document.pdf"},
    "file_read": {"path": "notes.txt"},
    "file_write": {"path": "notes.txt", "content": "Notes written by the fake model."},
    "sql_query": {"query": "SELECT 1"},
    "vector_search": {"query": "agents", "top_k": 3},
    "calculator": {"expression": "2+3"},
    "email_send": {"to": "team@example.com", "subject": "Update", "body": "Hello from the fake model."},
    "slack_post": {"text": "Hello from the fake model."},
    "github_issues": {"repo": "octocat/hello-world", "action": "list"},
}


def normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def count_tokens(value: Any) -> int:
    """Deterministic stand-in tokenizer: words and punctuation marks of the (JSON) text."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return len(re.findall(r"\w+|[^\w\s]", text))


def offered_tools(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The function definitions a request offers (tools, or the legacy functions field)."""
    tools = [tool.get("function") for tool in body.get("tools") or [] if isinstance(tool, dict)]
    tools += [function for function in body.get("functions") or []]
    return [tool for tool in tools if isinstance(tool, dict) and isinstance(tool.get("name"), str)]


def _answered_tool_names(messages: list[Any]) -> set[str]:
    """Names of tools whose results arrived (as tool messages) after the last user message."""
    last_user = max((index for index, message in enumerate(messages) if isinstance(message, dict) and message.get("role") == "user"), default=-1)
    names_by_id: dict[str, str] = {}
    answered: set[str] = set()
    for message in messages[last_user + 1 :]:
        if not isinstance(message, dict):
            continue
        for call in message.get("tool_calls") or []:
            if isinstance(call, dict):
                names_by_id[str(call.get("id"))] = str((call.get("function") or {}).get("name"))
        if message.get("role") == "tool":
            answered.add(names_by_id.get(str(message.get("tool_call_id")), "?"))
        if message.get("role") == "function":
            answered.add(str(message.get("name")))
    return answered


def tool_pending(body: dict[str, Any], tools: list[dict[str, Any]]) -> bool:
    """True when no offered tool has been answered since the last user message."""
    answered = _answered_tool_names(body.get("messages") or [])
    if "?" in answered:
        return False
    return not any(tool["name"] in answered for tool in tools)


def _spec_tool_id(name: str) -> str | None:
    key = normalise(name)
    for tool_id in DEFAULT_ARGUMENTS:
        if normalise(tool_id) == key:
            return tool_id
    return next((tool_id for tool_id in DEFAULT_ARGUMENTS if normalise(tool_id) in key), None)


def pick_tool(tools: list[dict[str, Any]], forced: str | None) -> dict[str, Any]:
    """The forced tool, else the first offered tool of this project, else the first offered tool."""
    if forced:
        return next((tool for tool in tools if tool["name"] == forced), {"name": forced})
    for tool_id in SPEC_TOOLS:
        for tool in tools:
            if _spec_tool_id(tool["name"]) == tool_id:
                return tool
    return tools[0]


def _resolve(schema: Any, root: dict[str, Any]) -> dict[str, Any]:
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        target: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        schema = target
    return schema if isinstance(schema, dict) else {}


def synthesise(schema: Any, root: dict[str, Any] | None = None, *, last: bool = False, everything: bool = True) -> Any:
    """A value matching a JSON schema: enums pick their first (or, with last=True, last) option."""
    root = root if root is not None else (schema if isinstance(schema, dict) else {})
    schema = _resolve(schema, root)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][-1 if last else 0]
    if "default" in schema and not everything:
        return schema["default"]
    for key in ("anyOf", "oneOf", "allOf"):
        options = [_resolve(option, root) for option in schema.get(key) or []]
        options = [option for option in options if option.get("type") != "null"]
        if options:
            return synthesise(options[0], root, last=last, everything=everything)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((item for item in kind if item != "null"), "null")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        required = schema.get("required") or list(properties)
        names = list(properties) if everything else [name for name in properties if name in required]
        return {name: synthesise(properties[name], root, last=last, everything=everything) for name in names}
    if kind == "array":
        count = max(1, int(schema.get("minItems") or 0)) if everything else int(schema.get("minItems") or 0)
        return [synthesise(schema.get("items") or {"type": "string"}, root, last=last, everything=everything) for _ in range(count)]
    if kind == "integer":
        return int(schema.get("minimum") or 1)
    if kind == "number":
        return float(schema.get("minimum") or 1)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return "fake " + str(schema.get("title") or "text").lower()


def tool_arguments(tool: dict[str, Any]) -> dict[str, Any]:
    """Known defaults for the offered parameters, plus synthesised values for missing required ones."""
    schema = tool.get("parameters") or {}
    properties = schema.get("properties") if isinstance(schema, dict) else None
    tool_id = _spec_tool_id(tool["name"])
    defaults = DEFAULT_ARGUMENTS.get(tool_id, {}) if tool_id else {}
    if not isinstance(properties, dict) or not properties:
        return dict(defaults)
    arguments = {name: value for name, value in defaults.items() if name in properties}
    for name in schema.get("required") or []:
        if name not in arguments and name in properties:
            arguments[name] = synthesise(properties[name], schema)
    return arguments


def embedding(text: str, size: int = 16) -> list[float]:
    """A deterministic unit vector derived from the text's hash."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    values = [(byte - 127.5) / 127.5 for byte in digest[:size]]
    norm = math.sqrt(sum(value * value for value in values)) or 1.0
    return [value / norm for value in values]



def _content_pieces(text: str) -> list[str]:
    """Splits text into a few streamed deltas (about three words each)."""
    words = re.findall(r"\S+\s*|\s+", text)
    return ["".join(words[index : index + 3]) for index in range(0, len(words), 3)] or [text]


class FakeLLM:
    """An OpenAI-compatible server on 127.0.0.1:<free port>; use as a context manager or start()/stop()."""

    def __init__(self, script: Script = None, model: str = "fake-model") -> None:
        self.model = model
        self._lock = threading.Lock()
        self._script: Script = list(script) if isinstance(script, (list, tuple)) else script
        self._requests: list[dict[str, Any]] = []
        self._replies: list[Reply] = []
        self._schema_calls: dict[str, int] = {}
        self._counter = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL ending in /v1."""
        if self._server is None:
            raise RuntimeError("FakeLLM is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def requests(self) -> list[dict[str, Any]]:
        """JSON bodies of the chat-completion requests received, in order."""
        with self._lock:
            return list(self._requests)

    @property
    def replies(self) -> list[Reply]:
        """The replies sent, in order (normalised: content and/or tool_calls)."""
        with self._lock:
            return list(self._replies)

    @property
    def script(self) -> Script:
        with self._lock:
            return self._script

    @script.setter
    def script(self, value: Script) -> None:
        with self._lock:
            self._script = list(value) if isinstance(value, (list, tuple)) else value

    def tool_messages(self) -> list[dict[str, Any]]:
        """Every distinct tool-result message the clients sent back, in order of arrival."""
        seen: dict[str, dict[str, Any]] = {}
        for body in self.requests:
            for message in body.get("messages") or []:
                if isinstance(message, dict) and message.get("role") == "tool":
                    key = str(message.get("tool_call_id")) + json.dumps(message.get("content"), sort_keys=True)
                    seen.setdefault(key, message)
        return list(seen.values())

    def start(self) -> FakeLLM:
        handler = type("FakeLLMHandler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-llm", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeLLM:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def next_id(self, prefix: str) -> str:
        with self._lock:
            self._counter += 1
            return f"{prefix}{self._counter}"

    def reply_for(self, body: dict[str, Any]) -> Reply:
        """Records the request and decides the reply: script first, then the autopilot."""
        with self._lock:
            self._requests.append(body)
            script = self._script
            scripted = script.pop(0) if isinstance(script, list) and script else None
        if scripted is None and callable(script):
            scripted = script(body)
        reply = self._normalise(scripted if scripted is not None else self._autopilot(body))
        with self._lock:
            self._replies.append(reply)
        return reply

    def _normalise(self, reply: Reply) -> Reply:
        if not isinstance(reply, dict) or not ("content" in reply or "tool_calls" in reply):
            raise ValueError(f"a reply is {{'content': str}} or {{'tool_calls': [...]}}, got {reply!r}")
        calls = [
            {"id": call.get("id") or self.next_id("call_fake_"), "name": str(call["name"]), "arguments": call.get("arguments") or {}}
            for call in reply.get("tool_calls") or []
        ]
        content = reply.get("content")
        return {"content": None if content is None else str(content), "tool_calls": calls}

    def _autopilot(self, body: dict[str, Any]) -> Reply:
        tools = offered_tools(body)
        choice = body.get("tool_choice") if "tool_choice" in body else body.get("function_call")
        forced = None
        if isinstance(choice, dict):
            forced = (choice.get("function") or {}).get("name") or choice.get("name")
        if tools and choice != "none" and (forced or choice == "required" or tool_pending(body, tools)):
            tool = pick_tool(tools, forced)
            return {"tool_calls": [{"name": tool["name"], "arguments": tool_arguments(tool)}]}
        response_format = body.get("response_format")
        if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
            spec = response_format.get("json_schema") or {}
            name = str(spec.get("name") or "schema")
            with self._lock:
                calls = self._schema_calls.get(name, 0)
                self._schema_calls[name] = calls + 1
            return {"content": json.dumps(synthesise(spec.get("schema") or {}, last=calls > 0))}
        if isinstance(response_format, dict) and response_format.get("type") == "json_object":
            return {"content": json.dumps({"answer": "The fake model has finished the task."})}
        return {"content": FINAL_ANSWER}


def _tool_call_json(call: dict[str, Any]) -> dict[str, Any]:
    arguments = call["arguments"] if isinstance(call["arguments"], str) else json.dumps(call["arguments"])
    return {"id": call["id"], "type": "function", "function": {"name": call["name"], "arguments": arguments}}


def _usage(body: dict[str, Any], reply: Reply) -> dict[str, int]:
    prompt = count_tokens(body.get("messages") or []) + (count_tokens(body["tools"]) if body.get("tools") else 0)
    completion = count_tokens(reply["content"] or "") + sum(count_tokens(_tool_call_json(call)["function"]) for call in reply["tool_calls"])
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def completion_body(body: dict[str, Any], reply: Reply, response_id: str) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply["content"], "refusal": None}
    if reply["tool_calls"]:
        message["tool_calls"] = [_tool_call_json(call) for call in reply["tool_calls"]]
    return {
        "id": response_id,
        "object": "chat.completion",
        "created": CREATED,
        "model": body.get("model") or "fake-model",
        "system_fingerprint": "fp_fake_llm",
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": "tool_calls" if reply["tool_calls"] else "stop"}],
        "usage": _usage(body, reply),
    }


def stream_chunks(body: dict[str, Any], reply: Reply, response_id: str) -> list[dict[str, Any]]:
    """The SSE chunks of one streamed completion: role, content deltas, tool-call deltas, finish, usage."""
    base = {"id": response_id, "object": "chat.completion.chunk", "created": CREATED, "model": body.get("model") or "fake-model", "system_fingerprint": "fp_fake_llm"}

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {**base, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}

    chunks = [chunk({"role": "assistant", "content": "" if reply["content"] else None})]
    chunks += [chunk({"content": piece}) for piece in _content_pieces(reply["content"] or "") if piece]
    for index, call in enumerate(reply["tool_calls"]):
        arguments = _tool_call_json(call)["function"]["arguments"]
        middle = len(arguments) // 2
        chunks.append(chunk({"tool_calls": [{"index": index, "id": call["id"], "type": "function", "function": {"name": call["name"], "arguments": ""}}]}))
        for part in (arguments[:middle], arguments[middle:]):
            if part:
                chunks.append(chunk({"tool_calls": [{"index": index, "function": {"arguments": part}}]}))
    chunks.append(chunk({}, "tool_calls" if reply["tool_calls"] else "stop"))
    if (body.get("stream_options") or {}).get("include_usage"):
        chunks.append({**base, "choices": [], "usage": _usage(body, reply)})
    return chunks


class _Handler(BaseHTTPRequestHandler):
    fake: FakeLLM
    protocol_version = "HTTP/1.1"
    server_version = "FakeLLM/1.0"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def _route(self) -> str:
        path = self.path.split("?", 1)[0].rstrip("/")
        return path[3:] if path.startswith("/v1/") else path

    def _send(self, status: int, payload: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value).encode("utf-8"))

    def _error(self, status: int, message: str, kind: str = "invalid_request_error") -> None:
        self._json(status, {"error": {"message": message, "type": kind, "param": None, "code": None}})

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            data = b""
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                data += self.rfile.read(size)
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            return data
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self) -> None:
        route = self._route()
        model = {"id": self.fake.model, "object": "model", "created": CREATED, "owned_by": "fake-llm"}
        if route == "/models":
            self._json(200, {"object": "list", "data": [model]})
        elif route.startswith("/models/"):
            self._json(200, {**model, "id": route.removeprefix("/models/")})
        else:
            self._error(404, f"no route GET {route}")

    def do_POST(self) -> None:
        route = self._route()
        try:
            body = json.loads(self._read_body() or b"{}")
        except ValueError:
            return self._error(400, "the request body is not valid JSON")
        if not isinstance(body, dict):
            return self._error(400, "the request body must be a JSON object")
        if route == "/chat/completions":
            return self._chat(body)
        if route == "/embeddings":
            return self._embeddings(body)
        return self._error(404, f"no route POST {route}")

    def _chat(self, body: dict[str, Any]) -> None:
        if not isinstance(body.get("messages"), list):
            return self._error(400, "messages must be a list")
        try:
            reply = self.fake.reply_for(body)
        except Exception as error:  # a broken script must show up in the client's error
            return self._error(500, f"FakeLLM script failed: {error}", "server_error")
        response_id = self.fake.next_id("chatcmpl-fake-")
        if not body.get("stream"):
            return self._json(200, completion_body(body, reply, response_id))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for event in [*(json.dumps(chunk) for chunk in stream_chunks(body, reply, response_id)), "[DONE]"]:
                data = f"data: {event}\n\n".encode("utf-8")
                self.wfile.write(f"{len(data):x}\r\n".encode("ascii") + data + b"\r\n")
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _embeddings(self, body: dict[str, Any]) -> None:
        raw = body.get("input")
        texts = [raw] if isinstance(raw, str) else [item if isinstance(item, str) else json.dumps(item) for item in raw or []]
        data = [{"object": "embedding", "index": index, "embedding": embedding(text)} for index, text in enumerate(texts)]
        tokens = sum(count_tokens(text) for text in texts)
        self._json(200, {"object": "list", "data": data, "model": body.get("model") or "fake-model", "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})
