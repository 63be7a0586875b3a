// src/<pkg>/serve_http.py: one HTTP exchange over the stdlib server: bounded JSON bodies, JSON and
// server-sent-event responses, and the optional bearer key.
const SOURCE = String.raw`"""One HTTP exchange over http.server: bounded JSON request bodies, JSON and SSE responses."""

from __future__ import annotations

import hmac
import json
import os
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

MAX_BODY_BYTES = 1_048_576


class HttpError(Exception):
    """A request the server refuses; status is the HTTP status, code a short machine-readable reason."""

    def __init__(self, status: int, message: str, code: str = "invalid_request") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


class ClientGone(Exception):
    """The client closed the connection while we were answering."""


class Exchange:
    """One request and its response."""

    def __init__(self, handler: BaseHTTPRequestHandler) -> None:
        self.handler = handler
        self.method = handler.command
        self.path = urlsplit(handler.path).path.rstrip("/") or "/"
        self.headers = handler.headers
        self.body_read = False

    def header(self, name: str) -> str:
        return (self.headers.get(name) or "").strip()

    def read_json(self) -> Any:
        """The JSON body; HttpError for a missing length, an oversized body or invalid JSON."""
        self.body_read = True
        if self.header("Transfer-Encoding"):
            raise HttpError(411, "send the body with a Content-Length header", "length_required")
        length_text = self.header("Content-Length") or "0"
        if not length_text.isdigit():
            raise HttpError(400, "invalid Content-Length header")
        length = int(length_text)
        if length > MAX_BODY_BYTES:
            self.handler.close_connection = True
            raise HttpError(413, f"request body over {MAX_BODY_BYTES} bytes", "body_too_large")
        raw = self.handler.rfile.read(length) if length else b""
        if not raw.strip():
            raise HttpError(400, "the request body must be a JSON object")
        try:
            return json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise HttpError(400, f"the request body is not valid JSON: {error}", "invalid_json") from None

    def discard_body(self) -> None:
        """Reads an unread body so a kept-alive connection stays in step."""
        if self.body_read:
            return
        self.body_read = True
        length_text = self.header("Content-Length")
        if length_text.isdigit() and int(length_text) <= MAX_BODY_BYTES:
            self.handler.rfile.read(int(length_text))
        elif length_text or self.header("Transfer-Encoding"):
            self.handler.close_connection = True

    def authorized(self, api_key: str | None) -> bool:
        if not api_key:
            return True
        scheme, _, token = self.header("Authorization").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), api_key.encode())

    def send_json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self._head(status, {"Content-Type": "application/json", "Content-Length": str(len(data)), **(headers or {})})
        self._write(data)

    def send_empty(self, status: int, headers: dict[str, str] | None = None) -> None:
        self._head(status, {"Content-Length": "0", **(headers or {})})

    def start_events(self, headers: dict[str, str] | None = None) -> None:
        """Starts a text/event-stream response; the connection closes when it ends."""
        self.handler.close_connection = True
        self._head(200, {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "Connection": "close", "X-Accel-Buffering": "no", **(headers or {})})

    def send_event(self, data: str, event: str | None = None) -> None:
        # data is JSON: escaping U+2028/U+2029 keeps it valid and on one line for every SSE reader.
        data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        lines = ([f"event: {event}"] if event else []) + [f"data: {line}" for line in data.split("\n")]
        self._write(("\n".join(lines) + "\n\n").encode("utf-8"))

    def send_comment(self, text: str) -> None:
        self._write(f": {text}\n\n".encode("utf-8"))

    def _head(self, status: int, headers: dict[str, str]) -> None:
        self.discard_body()
        try:
            self.handler.send_response(status)
            for name, value in headers.items():
                self.handler.send_header(name, value)
            self.handler.end_headers()
        except (BrokenPipeError, ConnectionResetError) as error:
            raise ClientGone() from error

    def _write(self, data: bytes) -> None:
        try:
            self.handler.wfile.write(data)
            self.handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError) as error:
            raise ClientGone() from error


def api_key() -> str | None:
    """AGENT_API_KEY, when set, is the bearer token every endpoint but /health and the agent card needs."""
    return os.environ.get("AGENT_API_KEY", "").strip() or None
`;

export function serveHttpPy(): string {
  return SOURCE;
}
