// The server half of tests/fake_llm.py: the FakeLLM class, response bodies and SSE chunks.

export function fakeLlmServerPy(): string {
  return String.raw`

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
`;
}
