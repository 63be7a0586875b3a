"""MCP over streamable HTTP at /mcp: one tool, named after the project, that runs the agents.

POST carries one JSON-RPC message. initialize opens a session (Mcp-Session-Id header); later
requests send that header back. Requests are answered with application/json, except tools/call,
which answers as an SSE stream when the client accepts one (with notifications/progress while the
agents work, if the call has a progressToken). GET is not offered (405); DELETE ends a session.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import OrderedDict
from typing import Any

from . import service_info
from .serve_http import ClientGone, Exchange, HttpError
from .serve_runner import AgentFailed, AgentRun, Service

PROTOCOL_VERSIONS = ("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05")
DEFAULT_VERSION = "2025-03-26"  # what a request without MCP-Protocol-Version is taken to speak
MAX_SESSIONS = 1000


class RpcError(Exception):
    def __init__(self, code: int, message: str, status: int = 200) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


class Sessions:
    """Open sessions and the protocol version each negotiated."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: OrderedDict[str, str] = OrderedDict()

    def open(self, version: str) -> str:
        session_id = uuid.uuid4().hex
        with self.lock:
            self.items[session_id] = version
            while len(self.items) > MAX_SESSIONS:
                self.items.popitem(last=False)
        return session_id

    def version(self, session_id: str) -> str | None:
        with self.lock:
            return self.items.get(session_id)

    def close(self, session_id: str) -> bool:
        with self.lock:
            return self.items.pop(session_id, None) is not None


def tool_definition() -> dict[str, Any]:
    properties = {entry["name"]: {"type": "string", "description": entry["description"] or entry["name"], **({"default": entry["default"]} if entry["default"] is not None else {})} for entry in service_info.INPUTS}
    required = [entry["name"] for entry in service_info.INPUTS if entry["default"] is None]
    return {
        "name": service_info.SLUG,
        "title": service_info.NAME,
        "description": service_info.DESCRIPTION,
        "inputSchema": {"type": "object", "properties": properties, "required": required, "additionalProperties": False},
        "annotations": {"readOnlyHint": False, "destructiveHint": False, "openWorldHint": True},
    }


def initialize(params: dict[str, Any], sessions: Sessions) -> tuple[dict[str, Any], str]:
    requested = params.get("protocolVersion")
    version = requested if requested in PROTOCOL_VERSIONS else PROTOCOL_VERSIONS[0]
    result = {
        "protocolVersion": version,
        "capabilities": {"tools": {"listChanged": False}},
        "serverInfo": {"name": service_info.SLUG, "title": service_info.NAME, "version": service_info.VERSION},
        "instructions": f"Call the tool {service_info.SLUG} to run the {service_info.FRAMEWORK} agents of this project.",
    }
    return result, sessions.open(version)


def tool_inputs(params: dict[str, Any], service: Service) -> dict[str, str]:
    """Run inputs from tools/call arguments; ValueError says what is wrong with them."""
    arguments = params.get("arguments") or {}
    known = {entry["name"] for entry in service_info.INPUTS}
    if not isinstance(arguments, dict):
        raise ValueError("arguments must be an object")
    unknown = sorted(set(arguments) - known)
    if unknown:
        raise ValueError(f"unknown argument {unknown[0]!r}; expected: {', '.join(sorted(known))}")
    wrong = [name for name, value in arguments.items() if not isinstance(value, str)]
    if wrong:
        raise ValueError(f"argument {wrong[0]!r} must be a string")
    return service.complete_inputs(None, dict(arguments))


def tool_result(text: str, is_error: bool) -> dict[str, Any]:
    return {"content": [{"type": "text", "text": text}], "isError": is_error}


def check_session(exchange: Exchange, sessions: Sessions) -> None:
    session_id = exchange.header("Mcp-Session-Id")
    if not session_id:
        raise RpcError(-32600, "Bad Request: missing Mcp-Session-Id header; send initialize first", 400)
    negotiated = sessions.version(session_id)
    if negotiated is None:
        raise RpcError(-32600, "Session not found; send initialize again", 404)
    version = exchange.header("MCP-Protocol-Version")
    if version and version not in PROTOCOL_VERSIONS:
        raise RpcError(-32600, f"Bad Request: unsupported MCP-Protocol-Version {version}", 400)


def post(exchange: Exchange, service: Service) -> None:
    sessions = service.store("mcp", Sessions)
    request_id: Any = None
    try:
        try:
            body = exchange.read_json()
        except HttpError as error:
            raise RpcError(-32700 if error.code == "invalid_json" else -32600, error.message, 400 if error.status < 500 else error.status) from None
        if not isinstance(body, dict) or body.get("jsonrpc") != "2.0":
            raise RpcError(-32600, "one JSON-RPC 2.0 message per request", 400)
        request_id = body.get("id")
        method = body.get("method")
        params = body.get("params") or {}
        if not isinstance(params, dict):
            raise RpcError(-32602, "params must be an object", 400)
        if method == "initialize" and request_id is not None:
            result, session_id = initialize(params, sessions)
            return exchange.send_json(200, {"jsonrpc": "2.0", "id": request_id, "result": result}, {"Mcp-Session-Id": session_id})
        check_session(exchange, sessions)
        if request_id is None or method is None:
            return exchange.send_empty(202)  # a notification or a response: accepted, nothing to answer
        if method == "tools/call" and "text/event-stream" in exchange.header("Accept"):
            return call_tool_stream(exchange, request_id, params, service)
        result = call(method, params, service)
    except RpcError as error:
        return exchange.send_json(error.status, {"jsonrpc": "2.0", "id": request_id, "error": {"code": error.code, "message": error.message}})
    exchange.send_json(200, {"jsonrpc": "2.0", "id": request_id, "result": result})


def call(method: Any, params: dict[str, Any], service: Service) -> dict[str, Any]:
    if method == "ping":
        return {}
    if method == "tools/list":
        return {"tools": [tool_definition()]}
    if method == "tools/call":
        agent_run = start_tool(params, service)
        if isinstance(agent_run, dict):
            return agent_run
        return finish_tool(agent_run)
    raise RpcError(-32601, f"Method not found: {method}")


def start_tool(params: dict[str, Any], service: Service) -> AgentRun | dict[str, Any]:
    """The started run, or an error result for bad arguments."""
    if params.get("name") != service_info.SLUG:
        raise RpcError(-32602, f"Unknown tool: {params.get('name')!r}; this server has {service_info.SLUG!r}")
    try:
        return AgentRun(service.run, tool_inputs(params, service)).start()
    except ValueError as error:
        return tool_result(f"error: {error}", True)


def finish_tool(agent_run: AgentRun) -> dict[str, Any]:
    try:
        return tool_result(agent_run.wait(), False)
    except AgentFailed as error:
        return tool_result(f"error: the agents failed: {error}", True)


def call_tool_stream(exchange: Exchange, request_id: Any, params: dict[str, Any], service: Service) -> None:
    started = start_tool(params, service)
    meta = params.get("_meta") if isinstance(params.get("_meta"), dict) else {}
    token = meta.get("progressToken")
    try:
        exchange.start_events()
        result = started
        if isinstance(started, AgentRun):
            progress = 0
            for event in started.stream():
                if event is None:
                    exchange.send_comment("keep-alive")
                elif token is not None and event["type"] in ("step-start", "tool-call-start"):
                    progress += 1
                    what = f"calling tool {event['tool']}" if event["type"] == "tool-call-start" else f"{event['kind']} {event['stepId']} started"
                    notification = {"jsonrpc": "2.0", "method": "notifications/progress", "params": {"progressToken": token, "progress": progress, "message": what}}
                    exchange.send_event(json.dumps(notification, ensure_ascii=False), "message")
            result = finish_tool(started)
        exchange.send_event(json.dumps({"jsonrpc": "2.0", "id": request_id, "result": result}, ensure_ascii=False), "message")
    except ClientGone:
        return


def get(exchange: Exchange, service: Service) -> None:
    exchange.send_json(405, {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": "this server sends no server-initiated messages; POST requests to /mcp"}}, {"Allow": "POST, DELETE"})


def delete(exchange: Exchange, service: Service) -> None:
    sessions = service.store("mcp", Sessions)
    session_id = exchange.header("Mcp-Session-Id")
    if not session_id or not sessions.close(session_id):
        return exchange.send_json(404, {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": "Session not found"}})
    exchange.send_empty(204)
