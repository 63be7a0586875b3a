"""Live run events: off by default; with --events a real run writes the RunEvent protocol."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from fake_llm import FakeLLM
from orchestration_for_invoice_processing import events, service_info
from orchestration_for_invoice_processing import main as agents
from orchestration_for_invoice_processing.__main__ import main
from orchestration_for_invoice_processing.tools import TOOLS

PACKAGE = "orchestration_for_invoice_processing"

# The RunEvent protocol: the fields each event type must carry besides type, runId, seq and at.
REQUIRED: dict[str, dict[str, Any]] = {
    "run-start": {"project": str, "framework": str, "pattern": str, "input": str},
    "step-start": {"stepId": str, "kind": str},
    "text-delta": {"delta": str},
    "tool-call-start": {"callId": str, "tool": str},
    "tool-call-end": {"callId": str, "tool": str, "isError": bool, "durationMs": (int, float)},
    "usage": {"inputTokens": int, "outputTokens": int},
    "step-end": {"stepId": str},
    "run-end": {"status": str},
    "run-error": {"code": str, "message": str},
}


def check_protocol(lines: list[dict[str, Any]]) -> None:
    """One run: known events with their fields, seq 0.. without gaps, run-start first, an end last,
    every tool call and step opened before it is closed."""
    assert lines, "no events"
    for index, event in enumerate(lines):
        assert event["type"] in REQUIRED, event
        assert event["seq"] == index and event["runId"] == lines[0]["runId"], event
        assert isinstance(event["at"], str) and event["at"].endswith("Z"), event
        for name, kind in REQUIRED[event["type"]].items():
            assert isinstance(event[name], kind) and not (kind is int and isinstance(event[name], bool)), (name, event)
    assert lines[0]["type"] == "run-start" and lines[-1]["type"] in ("run-end", "run-error")
    assert not [event for event in lines[1:-1] if event["type"] in ("run-start", "run-end", "run-error")]
    starts = {event["callId"]: event for event in lines if event["type"] == "tool-call-start"}
    ends = {event["callId"]: event for event in lines if event["type"] == "tool-call-end"}
    assert sorted(starts) == sorted(ends)
    for call_id, end in ends.items():
        assert starts[call_id]["seq"] < end["seq"] and starts[call_id]["tool"] == end["tool"]
    open_steps: list[str] = []
    for event in lines:
        if event["type"] == "step-start":
            open_steps.append(event["stepId"])
        elif event["type"] == "step-end":
            assert event["stepId"] in open_steps, event
            open_steps.remove(event["stepId"])
    assert open_steps == []


def read_events(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def extra_inputs() -> list[str]:
    return [f"--input={entry['name']}=test value" for entry in service_info.INPUTS[1:] if entry["default"] is None]


def test_events_are_off_by_default(fake_llm: FakeLLM, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGENT_EVENTS", raising=False)
    assert not events.requested() and not events.enabled()
    assert main(["run", "hello", *extra_inputs()]) == 0
    out = capsys.readouterr().out
    assert out.strip() and '"runId"' not in out


def test_run_with_events_writes_the_run_event_protocol(fake_llm: FakeLLM, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AGENT_EVENTS_FILE", str(tmp_path / "events.jsonl"))
    assert main(["run", "--events", "hello", *extra_inputs()]) == 0
    answer = capsys.readouterr().out
    lines = read_events(tmp_path / "events.jsonl")
    check_protocol(lines)
    first, last = lines[0], lines[-1]
    assert (first["project"], first["framework"], first["pattern"]) == (service_info.SLUG, service_info.FRAMEWORK, service_info.PATTERN)
    assert "hello" in first["input"]
    assert last["type"] == "run-end" and last["status"] == "succeeded" and answer == last["output"] + "\n"
    # Every project tool the model asked for ran through the wrapper and was reported.
    asked = {call["name"] for reply in fake_llm.replies for call in reply.get("tool_calls") or [] if call["name"] in TOOLS}
    reported = {event["tool"] for event in lines if event["type"] == "tool-call-start"}
    assert reported == asked
    assert all(isinstance(event["result"], str) for event in lines if event["type"] == "tool-call-end")


def test_events_on_stdout_keep_stdout_pure_jsonl(fake_llm: FakeLLM, tmp_path: Path) -> None:
    source = Path(events.__file__).resolve().parents[1]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(source), os.environ.get("PYTHONPATH", "")])}
    environment.pop("AGENT_EVENTS_FILE", None)
    command = [sys.executable, "-m", PACKAGE, "run", "--events", "hello", *extra_inputs()]
    completed = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=600)
    assert completed.returncode == 0, completed.stderr
    lines = [json.loads(line) for line in completed.stdout.splitlines()]
    check_protocol(lines)
    assert lines[-1]["output"] in completed.stderr


def test_a_failing_run_ends_with_run_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(inputs: dict[str, str]) -> str:
        raise RuntimeError("the model is unreachable")

    monkeypatch.setattr(agents, "run", broken)
    monkeypatch.setenv("AGENT_EVENTS_FILE", str(tmp_path / "events.jsonl"))
    assert main(["run", "--events", "hello", *extra_inputs()]) == 1
    lines = read_events(tmp_path / "events.jsonl")
    check_protocol(lines)
    assert [event["type"] for event in lines] == ["run-start", "run-error"]
    assert lines[-1]["code"] == "agent_failed" and "the model is unreachable" in lines[-1]["message"]


def test_tool_wrapper_reports_calls_steps_and_threads() -> None:
    def shout(text: str, times: int = 1) -> str:
        """Shouts the text."""
        return text.upper() * times if text else "error: nothing to shout"

    wrapped = events.instrument_tool("shout", shout)
    assert inspect.signature(wrapped) == inspect.signature(shout) and wrapped.__doc__ == shout.__doc__
    assert all(getattr(function, "__wrapped__", None) is not None for function in TOOLS.values())
    assert wrapped("a") == "A"  # outside a run: a plain call, no events
    seen: list[dict[str, Any]] = []
    events.run_start("x", [seen.append])
    events.step_start("writer", "agent", agent="writer")
    assert wrapped("ab", times=2) == "ABAB"
    worker = threading.Thread(target=lambda: (wrapped(""), events.usage(12, 5, model="m"), events.text_delta("hi")))
    worker.start()
    worker.join()
    events.run_end("done")
    check_protocol(seen)
    assert [event["type"] for event in seen] == ["run-start", "step-start", "tool-call-start", "tool-call-end", "tool-call-start", "tool-call-end", "usage", "text-delta", "step-end", "run-end"]
    assert seen[2]["arguments"] == {"text": "ab", "times": 2} and seen[2]["stepId"] == "writer"
    assert (seen[3]["result"], seen[3]["isError"], seen[5]["isError"]) == ("ABAB", False, True)
    assert seen[-1] == {**seen[-1], "status": "succeeded", "output": "done"}
    assert not events.enabled() and wrapped("b") == "B"
