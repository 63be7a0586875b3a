// src/<pkg>/events.py: the product's RunEvent protocol emitted by the generated project itself,
// as JSON lines, switched on by AGENT_EVENTS=jsonl or `run --events` and free when off.
import { pyString } from '../escape';
import type { ProjectContext } from './project-context';

const BODY = String.raw`
Event = dict[str, Any]
Sink = Callable[[Event], None]

# Strings longer than this (tool arguments and results) are cut in events, never in the run itself.
MAX_TEXT = 16_000
OFF_VALUES = ("", "0", "off", "false", "no")
# An answer line on stdin longer than this is not an answer: it is skipped, never held in memory.
MAX_ANSWER_LINE = 65_536

_current: contextvars.ContextVar[Run | None] = contextvars.ContextVar("agent_events_run", default=None)
# The step this context (thread or asyncio task) opened last: parallel branches each see their own.
_context_step: contextvars.ContextVar[tuple[str, str | None] | None] = contextvars.ContextVar("agent_events_step", default=None)
_active: list[Run] = []
_active_lock = threading.Lock()
_write_lock = threading.Lock()
# One approval at a time: the request and the read of its answer, whichever thread the tool runs on.
_approval_lock = threading.Lock()
_shared_sink: Sink | None = None


def requested() -> bool:
    """True when AGENT_EVENTS=jsonl asks for events; any other non-empty value is an error."""
    value = os.environ.get("AGENT_EVENTS", "").strip().lower()
    if value in OFF_VALUES:
        return False
    if value == "jsonl":
        return True
    raise ValueError(f"AGENT_EVENTS must be 'jsonl' or empty, got {value!r}")


def current() -> Run | None:
    """The run events belong to: this context's, or the only active one (for framework threads)."""
    run = _current.get()
    if run is not None or not _active:
        return run
    with _active_lock:
        return _active[0] if len(_active) == 1 else None


def enabled() -> bool:
    """True inside a run that records events; helpers below do nothing otherwise."""
    return current() is not None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _clip(value: Any) -> Any:
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[:MAX_TEXT] + "...[truncated]"
    if isinstance(value, dict):
        return {str(key): _clip(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clip(item) for item in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return _clip(str(value))


class Run:
    """One run's events: an id, a gap-free sequence number, open steps and where events go."""

    def __init__(self, sinks: list[Sink]) -> None:
        self.run_id = "run_" + uuid.uuid4().hex
        self.steps: list[str] = []
        # Each step's enclosing step as seen from the context that opened it.
        self.parents: dict[str, str | None] = {}
        self._sinks = sinks
        self._seq = 0
        self._calls = 0
        self._lock = threading.RLock()
        self._token: contextvars.Token[Run | None] | None = None

    def emit(self, event_type: str, fields: dict[str, Any]) -> Event:
        """Sends one event to every sink, in sequence order even across threads."""
        with self._lock:
            event: Event = {"type": event_type, "runId": self.run_id, "seq": self._seq, "at": _now()}
            event.update(fields)
            self._seq += 1
            for sink in self._sinks:
                try:
                    sink(event)
                except Exception:  # a broken sink (closed pipe, full disk) never breaks the run
                    pass
        return event

    def next_call_id(self) -> str:
        with self._lock:
            self._calls += 1
            return f"call_{self._calls}"

    def step(self) -> str | None:
        """The step new work belongs to: the one this context opened, unless a step opened beneath
        it elsewhere is the innermost (a framework thread); the innermost open step otherwise."""
        with self._lock:
            innermost = self.steps[-1] if self.steps else None
            mine = self.context_step()
            if mine is None or innermost is None or mine == innermost:
                return innermost
            ancestor, hops = self.parents.get(innermost), 0
            while ancestor is not None and hops < len(self.parents):
                if ancestor == mine:
                    return innermost
                ancestor, hops = self.parents.get(ancestor), hops + 1
            return mine  # the innermost step belongs to a parallel branch

    def context_step(self) -> str | None:
        mark = _context_step.get()
        return mark[1] if mark is not None and mark[0] == self.run_id and mark[1] in self.steps else None


def _optional(**fields: Any) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if value is not None}


def run_start(input_text: str, sinks: list[Sink]) -> Run:
    """Opens a run in this context and emits run-start; end it with run_end or run_error."""
    run = Run(sinks)
    run._token = _current.set(run)
    with _active_lock:
        _active.append(run)
    run.emit("run-start", {"project": PROJECT, "framework": FRAMEWORK, "pattern": PATTERN, "input": input_text})
    return run


def _finish(run: Run, event_type: str, fields: dict[str, Any]) -> None:
    for step_id in reversed(list(run.steps)):
        run.emit("step-end", {"stepId": step_id})
    run.steps.clear()
    run.parents.clear()
    run.emit(event_type, fields)
    with _active_lock:
        if run in _active:
            _active.remove(run)
    try:
        if run._token is not None:
            _current.reset(run._token)
    except ValueError:  # ended from another context than it started in
        _current.set(None)


def run_end(output: str | None = None, cancelled: bool = False) -> None:
    """Closes open steps and emits run-end (succeeded, or cancelled)."""
    run = _current.get()
    if run is not None:
        _finish(run, "run-end", _optional(status="cancelled" if cancelled else "succeeded", output=output))


def run_error(error: BaseException | str, code: str = "agent_failed") -> None:
    """Closes open steps and emits run-error with a one-line message."""
    run = _current.get()
    if run is not None:
        message = " ".join(str(error).split()) or type(error).__name__
        _finish(run, "run-error", {"code": code, "message": message})


def step_start(step_id: str, kind: str = "agent", agent: str | None = None, task: str | None = None) -> None:
    """An agent or task starts working; kind is "agent" or "task"."""
    run = current()
    if run is not None:
        with run._lock:
            run.parents[step_id] = run.context_step()
            run.steps.append(step_id)
            _context_step.set((run.run_id, step_id))
            run.emit("step-start", _optional(stepId=step_id, kind=kind if kind in ("agent", "task") else "agent", agent=agent, task=task))


def step_end(step_id: str, output: str | None = None) -> None:
    run = current()
    if run is not None:
        with run._lock:
            if step_id in run.steps:
                run.steps.reverse()
                run.steps.remove(step_id)
                run.steps.reverse()
            if _context_step.get() == (run.run_id, step_id):
                _context_step.set((run.run_id, run.parents.get(step_id)))
            run.emit("step-end", _optional(stepId=step_id, output=None if output is None else _clip(output)))


def text_delta(delta: str, step_id: str | None = None) -> None:
    """A piece of streamed model text, attributed to step_id or the innermost open step."""
    run = current()
    if run is not None and delta:
        run.emit("text-delta", _optional(delta=delta, stepId=step_id or run.step()))


def tool_call_start(tool: str, arguments: Any, call_id: str | None = None, step_id: str | None = None) -> str | None:
    """Emits tool-call-start and returns the call id to pass to tool_call_end."""
    run = current()
    if run is None:
        return None
    call = call_id or run.next_call_id()
    run.emit("tool-call-start", _optional(callId=call, tool=tool, arguments=_clip(arguments), stepId=step_id or run.step()))
    return call


def tool_call_end(call_id: str | None, tool: str, result: Any, is_error: bool = False, duration_ms: float = 0.0) -> None:
    run = current()
    if run is not None and call_id is not None:
        run.emit("tool-call-end", {"callId": call_id, "tool": tool, "result": _clip(result), "isError": bool(is_error), "durationMs": max(0.0, round(duration_ms, 3))})


def usage(input_tokens: int, output_tokens: int, model: str | None = None, cost_usd: float | None = None) -> None:
    """Tokens one model call used."""
    run = current()
    if run is not None:
        run.emit("usage", _optional(inputTokens=max(0, int(input_tokens)), outputTokens=max(0, int(output_tokens)), model=model, costUsd=cost_usd))


def enabled_tools() -> frozenset[str] | None:
    """AGENT_ENABLED_TOOLS: the comma-separated ids of the tools the person left on; None (unset) = all."""
    value = os.environ.get("AGENT_ENABLED_TOOLS")
    if value is None:
        return None
    return frozenset(part.strip() for part in value.split(",") if part.strip())


def permission(tool_id: str, side_effects: bool) -> str:
    """Returns "allow", "ask", or the error text of a refused call, from AGENT_ENABLED_TOOLS and
    AGENT_PERMISSION_MODE (dev, the default: every tool runs; safe: tools with side effects are
    refused; ask: the person approves each of them first; any other value counts as safe)."""
    enabled = enabled_tools()
    if enabled is not None and tool_id not in enabled:
        return f"error: the person running this agent turned the {tool_id} tool off for this run. Do not call it again; continue without it."
    mode = os.environ.get("AGENT_PERMISSION_MODE", "").strip().lower() or "dev"
    if not side_effects or mode == "dev":
        return "allow"
    if mode == "ask":
        return "ask"
    return f"error: refused in Safe mode: this {tool_id} call could change something outside the run, and Safe mode allows only read-only tool calls. Continue without it."


def _read_answer_line() -> bytes | None:
    """The next line on stdin; None at its end (or without one); b"" for a line too long to be an answer."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return None
    try:
        line = stream.readline(MAX_ANSWER_LINE)
        if len(line) < MAX_ANSWER_LINE or line.endswith(b"\n"):
            return line or None
        while line and not line.endswith(b"\n"):
            line = stream.readline(MAX_ANSWER_LINE)
        return b""
    except (OSError, ValueError):
        return None


def request_approval(run: Run, call_id: str, tool_id: str, arguments: Any) -> bool:
    """Ask mode: emits approval-request, then reads JSON lines {"callId": ..., "approved": ...} from
    stdin until the one for call_id; lines for other calls are ignored, the end of stdin refuses."""
    with _approval_lock:
        run.emit("approval-request", {"callId": call_id, "tool": tool_id, "arguments": _clip(arguments)})
        while True:
            line = _read_answer_line()
            if line is None:
                return False
            try:
                answer = json.loads(line)
            except ValueError:
                continue
            if isinstance(answer, dict) and answer.get("callId") == call_id:
                return answer.get("approved") is True


def instrument_tool(tool_id: str, function: Callable[..., str], side_effects: bool = False) -> Callable[..., str]:
    """Wraps a tool so each call inside a run emits tool-call-start/end and follows the person's
    permission mode and choice of tools (see permission); a plain call outside a run."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def instrumented(*args: Any, **kwargs: Any) -> str:
        run = current()
        if run is None:
            return function(*args, **kwargs)
        try:
            arguments: Any = dict(signature.bind(*args, **kwargs).arguments)
        except TypeError:
            arguments = {"args": list(args), **kwargs}
        call_id = tool_call_start(tool_id, arguments) or run.next_call_id()
        started = time.perf_counter()
        decision = permission(tool_id, side_effects)
        if decision == "ask":
            approved = request_approval(run, call_id, tool_id, arguments)
            decision = "allow" if approved else f"error: the person refused this {tool_id} call. Do not repeat it; continue without it."
        if decision != "allow":
            tool_call_end(call_id, tool_id, decision, True, (time.perf_counter() - started) * 1000)
            return decision
        try:
            result = function(*args, **kwargs)
        except BaseException as error:
            tool_call_end(call_id, tool_id, f"error: {error}", True, (time.perf_counter() - started) * 1000)
            raise
        failed = isinstance(result, str) and result.startswith("error:")
        tool_call_end(call_id, tool_id, result, failed, (time.perf_counter() - started) * 1000)
        return result

    return instrumented


def traced_run(run_function: Callable[[dict[str, str]], str], inputs: dict[str, str], sinks: list[Sink]) -> str:
    """Calls run_function(inputs) inside a run: run-start first, run-end or run-error last."""
    names = list(inputs)
    input_text = inputs[names[0]] if len(names) == 1 else json.dumps(inputs, ensure_ascii=False)
    run_start(input_text, sinks)
    try:
        result = run_function(inputs)
    except KeyboardInterrupt:
        run_end(cancelled=True)
        raise
    except BaseException as error:
        run_error(error)
        raise
    run_end(result)
    return result


def json_line(value: Any) -> str:
    """JSON on one line for any reader: U+2028/U+2029 escaped, since str.splitlines() and JavaScript split there."""
    return json.dumps(value, ensure_ascii=False, default=str).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def jsonl_sink(stream: TextIO) -> Sink:
    """Writes each event as one JSON line and flushes it."""

    def write(event: Event) -> None:
        line = json_line(event)
        with _write_lock:
            stream.write(line + "\n")
            stream.flush()

    return write


@contextmanager
def reserved_stdout() -> Iterator[TextIO]:
    """Keeps file descriptor 1 for events: anything else printed meanwhile goes to stderr."""
    sys.stdout.flush()
    saved = os.dup(1)
    stream = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    try:
        yield stream
    finally:
        sys.stdout.flush()
        stream.close()
        os.dup2(saved, 1)
        os.close(saved)


@contextmanager
def jsonl_destination() -> Iterator[tuple[Sink, bool]]:
    """The JSONL sink for one CLI run: AGENT_EVENTS_FILE if set, else stdout. Yields (sink, on_stdout)."""
    path = os.environ.get("AGENT_EVENTS_FILE", "").strip()
    if path:
        with open(path, "a", encoding="utf-8") as stream:
            yield jsonl_sink(stream), False
    else:
        with reserved_stdout() as stream:
            yield jsonl_sink(stream), True


def shared_sink() -> Sink | None:
    """For long-running servers: one process-wide JSONL sink when AGENT_EVENTS=jsonl, else None."""
    global _shared_sink
    if not requested():
        return None
    with _write_lock:
        if _shared_sink is None:
            path = os.environ.get("AGENT_EVENTS_FILE", "").strip()
            _shared_sink = jsonl_sink(open(path, "a", encoding="utf-8") if path else sys.stdout)
    return _shared_sink
`;

export function eventsPy(context: ProjectContext): string {
  const { spec } = context;
  return `"""Live run events: the agent-generator RunEvent protocol as JSON lines, off by default.

Switch them on with AGENT_EVENTS=jsonl or \`python -m ${context.packageName} run --events\`: each event is
one JSON object per line on stdout (the answer then goes to stderr), or appended to the file named
by AGENT_EVENTS_FILE. Every event has type, runId, seq (0, 1, 2, ... without gaps) and at (ISO time).
The run command emits run-start/run-end/run-error, every tool call emits tool-call-start/end, and
framework hooks call step_start/step_end/text_delta/usage. Outside a run every helper returns at once.

Inside a run the tool wrapper also follows AGENT_ENABLED_TOOLS (the tool ids left on; unset = all) and
AGENT_PERMISSION_MODE: dev (the default) runs every tool, safe refuses tools with side effects, and
ask emits approval-request, then waits for {"callId": ..., "approved": true|false} on stdin.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
import json
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, TextIO

PROJECT = ${pyString(spec.slug)}
FRAMEWORK = ${pyString(spec.framework)}
PATTERN = ${pyString(spec.pattern)}
${BODY}`;
}
