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

from on_aws.tools import TOOLS
from on_aws.tools.sql_query import sql_query
from on_aws.tools.calculator import calculator
from on_aws.tools.slack_post import slack_post

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
    assert list(TOOLS) == ["sql_query", "calculator", "slack_post"]
    for name, function in TOOLS.items():
        assert function.__name__ == name
        assert function.__doc__ and function.__doc__.strip().splitlines()[0].endswith(".")

@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE items (name TEXT, price REAL)")
        connection.executemany("INSERT INTO items VALUES (?, ?)", [("pen", 1.5), ("book", 12.0), ("lamp", None)])
    connection.close()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return path


def test_sql_query_reads(database: Path) -> None:
    assert sql_query("SELECT name, price FROM items WHERE price > 1 ORDER BY price") == (
        "| name | price |\n|---|---|\n| pen | 1.5 |\n| book | 12.0 |"
    )
    assert "| 3 |" in sql_query("WITH c AS (SELECT count(*) AS n FROM items) SELECT n FROM c; -- trailing comment")
    assert "| lamp | NULL |" in sql_query("select * from items where price is null")


@pytest.mark.parametrize(
    "query",
    ["DELETE FROM items", "DROP TABLE items", "INSERT INTO items VALUES ('x', 1)", "UPDATE items SET price = 0",
     "SELECT 1; DROP TABLE items", "/* hi */ DELETE FROM items", "ATTACH DATABASE 'x.db' AS x", "PRAGMA user_version = 5",
     "WITH c AS (SELECT 1) DELETE FROM items", ""],
)
def test_sql_query_refuses_writes(database: Path, query: str) -> None:
    assert sql_query(query).startswith("error:")
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM items").fetchone() == (3,)
    connection.close()


def test_sql_query_reports_missing_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert sql_query("SELECT 1").startswith("error: DATABASE_URL is not set")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    assert sql_query("SELECT 1").startswith("error: no SQLite database at")
    assert not (tmp_path / "none.db").exists()

@pytest.mark.parametrize(
    ("expression", "expected"),
    [("2+3", "5"), ("(3 + 4) * 2 / 7", "2"), ("7 / 2", "3.5"), ("2**10", "1024"), ("-5 // 2", "-3"),
     ("17 % 5", "2"), ("sqrt(16) + 2^3", "12"), ("round(pi, 4)", "3.1416"), ("max(1, 9, 4)", "9"), ("0.1 + 0.2", "0.3")],
)
def test_calculator_computes(expression: str, expected: str) -> None:
    assert calculator(expression) == expected


@pytest.mark.parametrize(
    "expression",
    ["__import__('os').system('echo hi')", "open('x')", "().__class__", "x + 1", "lambda: 1", "[1, 2]",
     "'a' * 3", "abs(x=1)", "9**9**9", "10**100000", "True + 1", ""],
)
def test_calculator_refuses_unsafe_or_huge_input(expression: str) -> None:
    assert calculator(expression).startswith("error:")


def test_calculator_reports_division_by_zero() -> None:
    assert calculator("1/0") == "error: division by zero"

def test_slack_post_sends_json_to_the_webhook(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    local_server.route("/hook", "ok")
    monkeypatch.setenv("SLACK_WEBHOOK_URL", local_server.url + "/hook")
    assert slack_post("Digest is *ready*") == "posted the message to Slack"
    sent = local_server.received[-1]
    assert sent["method"] == "POST" and json.loads(sent["body"]) == {"text": "Digest is *ready*"}


def test_slack_post_reports_failures(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SLACK_WEBHOOK_URL", raising=False)
    assert slack_post("hi").startswith("error: SLACK_WEBHOOK_URL is not set")
    local_server.route("/hook", "invalid_token", status=403)
    monkeypatch.setenv("SLACK_WEBHOOK_URL", local_server.url + "/hook")
    assert slack_post("hi") == "error: Slack answered HTTP 403: invalid_token"
    assert slack_post("   ") == "error: the message is empty"
