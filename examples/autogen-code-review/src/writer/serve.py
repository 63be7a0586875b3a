"""python -m writer serve: the agents as a service, on the standard library's HTTP server.

  GET  /health                          {"status": "ok"}
  GET  /v1/models, /v1/models/{id}      this project as a model
  POST /v1/chat/completions             OpenAI-compatible chat completions (JSON or SSE)
  GET  /.well-known/agent-card.json     the A2A v1.0 agent card
  POST /a2a                             A2A JSON-RPC: SendMessage, SendStreamingMessage, GetTask, ...
  POST /mcp (and DELETE)                MCP over streamable HTTP: one tool that runs the agents

AGENT_API_KEY, when set, is the bearer token every endpoint but /health and the agent card needs.
AGENT_PUBLIC_URL sets the URL the agent card announces (default: from the request's Host header).
AGENT_ALLOWED_ORIGINS (comma-separated) lists the web origins besides loopback pages that browsers
may call from; requests from other origins get 403.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from . import events, serve_a2a, serve_mcp, serve_openai, service_info
from .serve_http import ClientGone, Exchange, HttpError, api_key
from .serve_runner import CompleteInputs, RunFunction, Service

Route = Callable[[Exchange, Service], None]
PUBLIC = ("/health", "/.well-known/agent-card.json")
LOOPBACK = ("localhost", "127.0.0.1", "::1")


def health(exchange: Exchange, service: Service) -> None:
    exchange.send_json(200, {"status": "ok"})


ROUTES: dict[str, dict[str, Route]] = {
    "/health": {"GET": health},
    "/v1/models": {"GET": serve_openai.list_models},
    "/v1/chat/completions": {"POST": serve_openai.chat_completions},
    "/.well-known/agent-card.json": {"GET": serve_a2a.agent_card},
    "/a2a": {"POST": serve_a2a.rpc},
    "/mcp": {"POST": serve_mcp.post, "GET": serve_mcp.get, "DELETE": serve_mcp.delete},
}


def origin_allowed(exchange: Exchange, service: Service) -> bool:
    """Browsers may call only from a loopback page or an origin in AGENT_ALLOWED_ORIGINS (this
    stops other web pages, including DNS-rebinding ones, from running the agents)."""
    origin = exchange.header("Origin")
    if not origin:
        return True
    return urlsplit(origin).hostname in LOOPBACK or origin.rstrip("/") in service.allowed_origins


def route(exchange: Exchange, service: Service) -> None:
    if not origin_allowed(exchange, service):
        raise HttpError(403, "requests from this web origin are not allowed; list it in AGENT_ALLOWED_ORIGINS", "origin_not_allowed")
    if exchange.path not in PUBLIC and not exchange.authorized(service.api_key):
        raise HttpError(401, "missing or wrong bearer token (Authorization: Bearer <AGENT_API_KEY>)", "invalid_api_key")
    if exchange.path.startswith("/v1/models/") and exchange.method == "GET":
        return serve_openai.get_model(exchange, service, exchange.path.removeprefix("/v1/models/"))
    methods = ROUTES.get(exchange.path)
    if methods is None:
        raise HttpError(404, f"no endpoint {exchange.path}; see GET /health, /v1/models, /.well-known/agent-card.json", "not_found")
    handler = methods.get(exchange.method)
    if handler is None:
        raise HttpError(405, f"{exchange.method} is not allowed on {exchange.path}; use {', '.join(methods)}", "method_not_allowed")
    handler(exchange, service)


def handler_class(service: Service) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = f"{service_info.SLUG}/{service_info.VERSION}"
        timeout = 300

        def handle_any(self) -> None:
            exchange = Exchange(self)
            try:
                route(exchange, service)
            except HttpError as error:
                allow = {"Allow": ", ".join(ROUTES.get(exchange.path, {}))} if error.status == 405 else {}
                kind = "invalid_request_error" if error.status < 500 else "server_error"
                try:
                    exchange.send_json(error.status, {"error": {"message": error.message, "type": kind, "code": error.code}}, allow)
                except ClientGone:
                    self.close_connection = True
            except ClientGone:
                self.close_connection = True

        do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = handle_any

        def log_message(self, format: str, *args: object) -> None:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    return Handler


def make_server(host: str, port: int, service: Service) -> ThreadingHTTPServer:
    """A bound server (port 0 picks a free port); call serve_forever() and shutdown() on it."""
    server = ThreadingHTTPServer((host, port), handler_class(service))
    server.daemon_threads = True
    return server


def make_service(complete_inputs: CompleteInputs, run: RunFunction | None = None) -> Service:
    if run is None:
        from .main import run
    public_url = os.environ.get("AGENT_PUBLIC_URL", "").strip() or None
    origins = tuple(origin.strip().rstrip("/") for origin in os.environ.get("AGENT_ALLOWED_ORIGINS", "").split(",") if origin.strip())
    return Service(run=run, complete_inputs=complete_inputs, api_key=api_key(), public_url=public_url, allowed_origins=origins)


def serve(host: str, port: int, complete_inputs: CompleteInputs) -> int:
    """Serves until interrupted; returns the process exit code."""
    if not 0 <= port <= 65535:
        raise ValueError(f"--port must be between 0 and 65535, got {port}")
    events.requested()  # a wrong AGENT_EVENTS fails here, not on every request
    server = make_server(host, port, make_service(complete_inputs))
    bound_host, bound_port = server.server_address[:2]
    print(f"serving {service_info.SLUG} on http://{bound_host}:{bound_port} (Ctrl+C stops)", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    """Starts server.serve_forever() on a daemon thread (for tests and embedding)."""
    thread = threading.Thread(target=server.serve_forever, name="agent-server", daemon=True)
    thread.start()
    return thread
