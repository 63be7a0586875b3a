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

from orchestration_for_invoice_processing.tools import TOOLS
from orchestration_for_invoice_processing.tools.pdf_reader import pdf_reader
from orchestration_for_invoice_processing.tools.file_read import file_read
from orchestration_for_invoice_processing.tools.calculator import calculator

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
    assert list(TOOLS) == ["pdf_reader", "file_read", "calculator"]
    for name, function in TOOLS.items():
        assert function.__name__ == name
        assert function.__doc__ and function.__doc__.strip().splitlines()[0].endswith(".")

def _tiny_pdf(text: str) -> bytes:
    """A one-page PDF showing the text, written by hand so the test needs no PDF library."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_reader_extracts_text(workspace: Path, local_server: LocalServer) -> None:
    (workspace / "paper.pdf").write_bytes(_tiny_pdf("Hello from a PDF"))
    assert pdf_reader("paper.pdf") == "[page 1]\nHello from a PDF"
    local_server.route("/paper.pdf", _tiny_pdf("Remote PDF"), content_type="application/pdf")
    assert pdf_reader(local_server.url + "/paper.pdf") == "[page 1]\nRemote PDF"


def test_pdf_reader_reports_bad_input(workspace: Path) -> None:
    (workspace / "fake.pdf").write_bytes(b"not a pdf at all")
    assert pdf_reader("fake.pdf").startswith("error: could not read the PDF")
    assert pdf_reader("missing.pdf") == "error: no file 'missing.pdf' in the workspace"
    assert "outside the workspace" in pdf_reader("../x.pdf")

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
