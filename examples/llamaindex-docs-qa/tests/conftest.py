"""Shared pytest fixtures: a started FakeLLM with the environment pointing at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fake_llm import FakeLLM

# Tool endpoints point at a closed loopback port so no test reaches the internet by accident.
UNREACHABLE = "http://127.0.0.1:9"


@pytest.fixture
def fake_llm(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[FakeLLM]:
    """A running FakeLLM; assign `fake_llm.script = [...]` to script its replies."""
    server = FakeLLM().start()
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MODEL_PROVIDER", "openai-compatible")
    monkeypatch.setenv("MODEL_ID", "fake-model")
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_BASE", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setenv("WORKSPACE_DIR", str(workspace))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(knowledge))
    for name in ("SEARCH_API_URL", "GITHUB_API_URL", "SLACK_WEBHOOK_URL"):
        monkeypatch.setenv(name, UNREACHABLE)
    monkeypatch.setenv("SMTP_URL", "smtp://127.0.0.1:9")
    monkeypatch.setenv("EMAIL_FROM", "agent@example.com")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    try:
        yield server
    finally:
        server.stop()
