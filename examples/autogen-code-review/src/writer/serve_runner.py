"""One agent run for one served request: runs main.run on a thread and queues its live events."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from . import events

RunFunction = Callable[[dict[str, str]], str]
CompleteInputs = Callable[[str | None, dict[str, str]], dict[str, str]]
Store = TypeVar("Store")
_DONE = object()


@dataclass
class Service:
    """What every endpoint needs: the agents, how inputs are completed, and per-protocol state."""

    run: RunFunction
    complete_inputs: CompleteInputs
    api_key: str | None = None
    public_url: str | None = None
    allowed_origins: tuple[str, ...] = ()
    started: int = field(default_factory=lambda: int(time.time()))
    stores: dict[str, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def store(self, name: str, factory: Callable[[], Store]) -> Store:
        """The state one protocol keeps across requests (A2A tasks, MCP sessions), made on first use."""
        with self.lock:
            if name not in self.stores:
                self.stores[name] = factory()
            return self.stores[name]


class AgentFailed(Exception):
    """The agents raised; the message is one line, safe to show to the caller."""


class AgentRun:
    """Starts main.run(inputs) on a thread; stream() yields its events, wait() returns the answer."""

    def __init__(self, run: RunFunction, inputs: dict[str, str]) -> None:
        self.inputs = inputs
        self.output: str | None = None
        self.error: str | None = None
        self.input_tokens = 0
        self.output_tokens = 0
        self._run = run
        self._queue: queue.Queue[Any] = queue.Queue()
        self._finished = threading.Event()

    def start(self) -> AgentRun:
        threading.Thread(target=self._work, name="agent-run", daemon=True).start()
        return self

    def _collect(self, event: events.Event) -> None:
        if event["type"] == "usage":
            self.input_tokens += event["inputTokens"]
            self.output_tokens += event["outputTokens"]
        self._queue.put(event)

    def _work(self) -> None:
        sinks: list[events.Sink] = [self._collect]
        try:
            shared = events.shared_sink()
            if shared is not None:
                sinks.append(shared)
            self.output = events.traced_run(self._run, self.inputs, sinks)
        except BaseException as error:  # reported to the caller, never raised on this thread
            self.error = " ".join(str(error).split()) or type(error).__name__
        finally:
            self._finished.set()
            self._queue.put(_DONE)

    def stream(self, heartbeat_seconds: float = 15.0) -> Iterator[events.Event | None]:
        """Yields each event as it happens, and None every heartbeat_seconds of silence."""
        while True:
            try:
                item = self._queue.get(timeout=heartbeat_seconds)
            except queue.Empty:
                yield None
                continue
            if item is _DONE:
                return
            yield item

    def wait(self) -> str:
        """Blocks until the run ends; returns the answer or raises AgentFailed."""
        self._finished.wait()
        if self.error is not None or self.output is None:
            raise AgentFailed(self.error or "the agents returned no answer")
        return self.output
