"""Offline tests of every tool of this project: real files, a real SQLite database, local servers."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from research_assistant.tools import TOOLS
from research_assistant.tools.web_search import web_search

class LocalServer:
    """An HTTP server on 127.0.0.1 with canned routes (matched on the path without query); records requests."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, str, dict[str, str]]] = {}
        self.received: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                server.received.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body})
                status, payload, content_type, headers = server.routes.get(self.path.split("?", 1)[0], (404, b"not found", "text/plain", {}))
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = _answer
            do_POST = _answer

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}"

    def route(self, path: str, body: str | bytes, *, status: int = 200, content_type: str = "text/plain; charset=utf-8", headers: dict[str, str] | None = None) -> None:
        payload = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, payload, content_type, headers or {})

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    server = LocalServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "workspace"
    root.mkdir()
    monkeypatch.setenv("WORKSPACE_DIR", str(root))
    return root


def test_every_tool_is_listed_with_a_description() -> None:
    assert list(TOOLS) == ["web_search"]
    for name, function in TOOLS.items():
        assert function.__name__ == name
        assert function.__doc__ and function.__doc__.strip().splitlines()[0].endswith(".")

def test_web_search_formats_results(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    results = [{"title": "Agents  paper", "url": "https://example.org/a", "content": "About agents."}, {"title": "Second", "url": "https://example.org/b", "content": ""}]
    local_server.route("/search", json.dumps({"results": results}), content_type="application/json")
    monkeypatch.setenv("SEARCH_API_URL", local_server.url)
    answer = web_search("multi agent", max_results=1)
    assert answer == "1. Agents paper\n   https://example.org/a\n   About agents."
    assert local_server.received[-1]["path"] == "/search?q=multi+agent&format=json"


def test_web_search_reports_missing_config_and_http_errors(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEARCH_API_URL", raising=False)
    assert web_search("x").startswith("error: SEARCH_API_URL is not set")
    monkeypatch.setenv("SEARCH_API_URL", local_server.url + "/missing")
    assert web_search("x") == "error: the search API answered HTTP 404"
    monkeypatch.setenv("SEARCH_API_URL", "file:///etc")
    assert web_search("x").startswith("error: only http:// and https:// URLs")
