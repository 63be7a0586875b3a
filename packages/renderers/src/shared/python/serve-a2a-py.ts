// src/<pkg>/serve_a2a.py: the A2A v1.0 side of a served project: the agent card with one skill per
// task, and the JSON-RPC binding (SendMessage, SendStreamingMessage, GetTask, ListTasks, CancelTask).
const SOURCE = String.raw`"""A2A protocol v1.0: the agent card and its JSON-RPC endpoint at /a2a.

The card is served at /.well-known/agent-card.json. Messages carry text parts (the first input) and
data parts (an object of input values); each message starts a task whose answer is an artifact.
Tasks live in memory (the last MAX_TASKS); push notifications are not supported.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import OrderedDict
from copy import deepcopy
from datetime import datetime, timezone
from typing import Any

from . import service_info
from .serve_http import ClientGone, Exchange, HttpError
from .serve_runner import AgentFailed, AgentRun, Service

PROTOCOL_VERSION = "1.0"
MAX_TASKS = 200
TERMINAL = ("TASK_STATE_COMPLETED", "TASK_STATE_FAILED", "TASK_STATE_CANCELED", "TASK_STATE_REJECTED")


class RpcError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def base_url(exchange: Exchange, service: Service) -> str:
    return (service.public_url or f"http://{exchange.header('Host') or '127.0.0.1'}").rstrip("/")


def agent_card(exchange: Exchange, service: Service) -> None:
    skills = [{key: value for key, value in skill.items() if key != "agent"} for skill in service_info.SKILLS]
    card: dict[str, Any] = {
        "name": service_info.NAME,
        "description": service_info.DESCRIPTION,
        "supportedInterfaces": [{"url": base_url(exchange, service) + "/a2a", "protocolBinding": "JSONRPC", "protocolVersion": PROTOCOL_VERSION}],
        "version": service_info.VERSION,
        "capabilities": {"streaming": True, "pushNotifications": False, "extendedAgentCard": False},
        "defaultInputModes": ["text/plain", "application/json"],
        "defaultOutputModes": ["text/plain"],
        "skills": skills,
    }
    if service.api_key:
        card["securitySchemes"] = {"bearer": {"httpAuthSecurityScheme": {"scheme": "Bearer"}}}
        card["securityRequirements"] = [{"schemes": {"bearer": {"list": []}}}]
    exchange.send_json(200, card, {"Cache-Control": "max-age=60"})


class Tasks:
    """The tasks of this server, newest last; each has its own lock-free snapshot copies."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def add(self, task: dict[str, Any]) -> None:
        with self.lock:
            self.items[task["id"]] = task
            while len(self.items) > MAX_TASKS:
                self.items.popitem(last=False)

    def get(self, task_id: Any) -> dict[str, Any]:
        with self.lock:
            task = self.items.get(task_id) if isinstance(task_id, str) else None
            if task is None:
                raise RpcError(-32001, f"task {task_id!r} not found")
            return deepcopy(task)

    def update(self, task_id: str, status: dict[str, Any], artifact: dict[str, Any] | None = None) -> dict[str, Any]:
        with self.lock:
            task = self.items.get(task_id, {})
            task["status"] = status
            if artifact is not None:
                task.setdefault("artifacts", []).append(artifact)
            return deepcopy(task)

    def listed(self, context_id: Any) -> list[dict[str, Any]]:
        with self.lock:
            return [deepcopy(task) for task in reversed(self.items.values()) if not context_id or task["contextId"] == context_id]


def agent_message(task: dict[str, Any], text: str) -> dict[str, Any]:
    return {"messageId": uuid.uuid4().hex, "role": "ROLE_AGENT", "parts": [{"text": text}], "taskId": task["id"], "contextId": task["contextId"]}


def read_message(params: Any, service: Service) -> tuple[dict[str, Any], dict[str, str]]:
    """The user message of SendMessage params and the run inputs it carries."""
    message = params.get("message") if isinstance(params, dict) else None
    if not isinstance(message, dict) or not isinstance(message.get("parts"), list) or not message["parts"]:
        raise RpcError(-32602, "params.message needs a non-empty 'parts' array")
    if not isinstance(message.get("messageId"), str) or not message["messageId"]:
        raise RpcError(-32602, "params.message.messageId is required")
    if message.get("role") not in ("ROLE_USER", 1, "user"):
        raise RpcError(-32602, "params.message.role must be ROLE_USER")
    texts: list[str] = []
    values: dict[str, str] = {}
    for part in message["parts"]:
        if isinstance(part, dict) and isinstance(part.get("text"), str):
            texts.append(part["text"])
        elif isinstance(part, dict) and isinstance(part.get("data"), dict):
            values.update({str(key): value if isinstance(value, str) else json.dumps(value) for key, value in part["data"].items()})
        else:
            raise RpcError(-32005, "only text parts and data parts (an object of inputs) are supported")
    try:
        return message, service.complete_inputs("\n".join(texts) if texts else None, values)
    except ValueError as error:
        raise RpcError(-32602, str(error)) from None


def new_task(params: dict[str, Any], service: Service) -> tuple[dict[str, Any], AgentRun]:
    message, inputs = read_message(params, service)
    tasks = service.store("a2a", Tasks)
    if message.get("taskId"):
        state = tasks.get(message["taskId"])["status"]["state"]
        raise RpcError(-32004, f"task {message['taskId']!r} is {state}; send a new message without taskId")
    context_id = message.get("contextId") if isinstance(message.get("contextId"), str) and message.get("contextId") else uuid.uuid4().hex
    task_id = uuid.uuid4().hex
    history = [{**message, "taskId": task_id, "contextId": context_id}]
    task = {"id": task_id, "contextId": context_id, "status": {"state": "TASK_STATE_WORKING", "timestamp": _now()}, "artifacts": [], "history": history}
    tasks.add(task)
    return deepcopy(task), AgentRun(service.run, inputs).start()


def finish(task: dict[str, Any], agent_run: AgentRun, service: Service) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Waits for the run and records the outcome; returns the task and the answer artifact."""
    tasks = service.store("a2a", Tasks)
    try:
        answer = agent_run.wait()
    except AgentFailed as error:
        status = {"state": "TASK_STATE_FAILED", "message": agent_message(task, f"error: {error}"), "timestamp": _now()}
        return tasks.update(task["id"], status), None
    artifact = {"artifactId": uuid.uuid4().hex, "name": "answer", "parts": [{"text": answer}]}
    return tasks.update(task["id"], {"state": "TASK_STATE_COMPLETED", "timestamp": _now()}, artifact), artifact


def trimmed(task: dict[str, Any], history_length: Any) -> dict[str, Any]:
    if isinstance(history_length, int) and history_length >= 0:
        task["history"] = task.get("history", [])[-history_length:] if history_length else []
    return task


def send_message(params: dict[str, Any], service: Service) -> dict[str, Any]:
    task, agent_run = new_task(params, service)
    configuration = params.get("configuration") or {}
    if isinstance(configuration, dict) and configuration.get("returnImmediately") is True:
        threading.Thread(target=finish, args=(task, agent_run, service), daemon=True).start()
        return {"task": task}
    done, _ = finish(task, agent_run, service)
    return {"task": trimmed(done, configuration.get("historyLength") if isinstance(configuration, dict) else None)}


def call(method: str, params: dict[str, Any], service: Service) -> dict[str, Any]:
    tasks = service.store("a2a", Tasks)
    if method == "SendMessage":
        return send_message(params, service)
    if method == "GetTask":
        return trimmed(tasks.get(params.get("id")), params.get("historyLength"))
    if method == "ListTasks":
        listed = tasks.listed(params.get("contextId"))
        return {"tasks": listed, "nextPageToken": "", "pageSize": len(listed), "totalSize": len(listed)}
    if method == "CancelTask":
        state = tasks.get(params.get("id"))["status"]["state"]
        raise RpcError(-32002, f"task is {state}; a running agent cannot be interrupted")
    if method in ("CreateTaskPushNotificationConfig", "GetTaskPushNotificationConfig", "ListTaskPushNotificationConfigs", "DeleteTaskPushNotificationConfig"):
        raise RpcError(-32003, "push notifications are not supported")
    if method == "SubscribeToTask":
        raise RpcError(-32004, "resubscribing is not supported; poll GetTask")
    if method == "GetExtendedAgentCard":
        raise RpcError(-32007, "there is no extended agent card")
    raise RpcError(-32601, f"method {method!r} not found")


def rpc(exchange: Exchange, service: Service) -> None:
    request_id: Any = None
    try:
        try:
            body = exchange.read_json()
        except HttpError as error:
            raise RpcError(-32700 if error.code == "invalid_json" else -32600, error.message) from None
        if not isinstance(body, dict) or body.get("jsonrpc") != "2.0" or not isinstance(body.get("method"), str):
            raise RpcError(-32600, "a JSON-RPC 2.0 request object with a method is required")
        request_id = body.get("id") if isinstance(body.get("id"), (str, int)) and not isinstance(body.get("id"), bool) else None
        version = exchange.header("A2A-Version")
        if version and version.split(".")[:2] != PROTOCOL_VERSION.split("."):
            raise RpcError(-32009, f"A2A-Version {version} is not supported; this agent speaks {PROTOCOL_VERSION}")
        params = body.get("params", {})
        if not isinstance(params, dict):
            raise RpcError(-32602, "params must be an object")
        if body["method"] == "SendStreamingMessage":
            return stream_message(exchange, request_id, params, service)
        result = call(body["method"], params, service)
    except RpcError as error:
        return exchange.send_json(200, {"jsonrpc": "2.0", "id": request_id, "error": {"code": error.code, "message": error.message}})
    exchange.send_json(200, {"jsonrpc": "2.0", "id": request_id, "result": result})


def stream_message(exchange: Exchange, request_id: Any, params: dict[str, Any], service: Service) -> None:
    task, agent_run = new_task(params, service)

    def send(result: dict[str, Any]) -> None:
        exchange.send_event(json.dumps({"jsonrpc": "2.0", "id": request_id, "result": result}, ensure_ascii=False))

    def status(state: str, message: dict[str, Any] | None = None) -> dict[str, Any]:
        update = {"state": state, "timestamp": _now(), **({"message": message} if message else {})}
        return {"statusUpdate": {"taskId": task["id"], "contextId": task["contextId"], "status": update}}

    try:
        exchange.start_events()
        send({"task": task})
        for event in agent_run.stream():
            if event is None:
                exchange.send_comment("keep-alive")
            elif event["type"] in ("step-start", "tool-call-start"):
                what = f"calling tool {event['tool']}" if event["type"] == "tool-call-start" else f"{event['kind']} {event['stepId']} started"
                send(status("TASK_STATE_WORKING", agent_message(task, what)))
        done, artifact = finish(task, agent_run, service)
        if artifact is not None:
            send({"artifactUpdate": {"taskId": task["id"], "contextId": task["contextId"], "artifact": artifact, "append": False, "lastChunk": True}})
        send({"statusUpdate": {"taskId": task["id"], "contextId": task["contextId"], "status": done["status"]}})
    except ClientGone:
        return
`;

export function serveA2aPy(): string {
  return SOURCE;
}
