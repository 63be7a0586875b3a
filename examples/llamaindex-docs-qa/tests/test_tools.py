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

from answer_questions_over_our_internal_docs.tools import TOOLS
from answer_questions_over_our_internal_docs.tools.file_read import file_read
from answer_questions_over_our_internal_docs.tools.vector_search import vector_search

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
    assert list(TOOLS) == ["file_read", "vector_search"]
    for name, function in TOOLS.items():
        assert function.__name__ == name
        assert function.__doc__ and function.__doc__.strip().splitlines()[0].endswith(".")

def test_file_read_reads_inside_the_workspace(workspace: Path) -> None:
    (workspace / "notes").mkdir()
    (workspace / "notes" / "a.txt").write_text("hello\nworld", encoding="utf-8")
    assert file_read("notes/a.txt") == "hello\nworld"
    assert file_read("notes") == "notes/ contains:\na.txt"
    assert file_read("missing.txt") == "error: no file 'missing.txt' in the workspace"


def test_file_read_refuses_escapes(workspace: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    (workspace / "link.txt").symlink_to(secret)
    (workspace / "dir_link").symlink_to(tmp_path, target_is_directory=True)
    for attempt in ["../secret.txt", str(secret), "link.txt", "dir_link/secret.txt", "notes/../../secret.txt"]:
        answer = file_read(attempt)
        assert answer.startswith("error:") and "outside the workspace" in answer, attempt
        assert "top secret" not in answer

def test_vector_search_ranks_by_relevance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    knowledge = tmp_path / "kb"
    (knowledge / "sub").mkdir(parents=True)
    (knowledge / "cats.md").write_text("Cats purr and sleep.\n\nA cat chases mice.", encoding="utf-8")
    (knowledge / "sub" / "agents.txt").write_text("Multi-agent systems coordinate agents.\nAgents use tools and agents plan.", encoding="utf-8")
    (knowledge / "misc.txt").write_text("Agents are mentioned once here among many other unrelated words about cooking pasta.", encoding="utf-8")
    (knowledge / "ignored.csv").write_text("agents,agents,agents", encoding="utf-8")
    monkeypatch.setenv("KNOWLEDGE_DIR", str(knowledge))
    answer = vector_search("agents tools", top_k=2)
    assert answer.startswith("[1] sub/agents.txt (score ")
    assert "[2] misc.txt" in answer and "cats.md" not in answer and "ignored.csv" not in answer
    assert vector_search("mice").startswith("[1] cats.md")
    assert vector_search("quantum") == "No passages match 'quantum'."


def test_vector_search_reports_missing_knowledge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWLEDGE_DIR", str(tmp_path / "nothing"))
    assert vector_search("x").startswith("error: the knowledge folder")
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("KNOWLEDGE_DIR", str(tmp_path / "empty"))
    assert vector_search("x").startswith("error: no .txt or .md files")
