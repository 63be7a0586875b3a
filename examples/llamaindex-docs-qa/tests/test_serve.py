"""Serve mode over real HTTP: health, OpenAI-compatible chat, the A2A card and JSON-RPC, and MCP."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from typing import Any

import pytest

from fake_llm import FakeLLM
from answer_questions_over_our_internal_docs import service_info
from answer_questions_over_our_internal_docs.__main__ import complete_inputs
from answer_questions_over_our_internal_docs.serve import make_server, make_service, serve_in_thread

# Inputs without a default after the first one: every protocol gets a value for them.
EXTRA = {entry["name"]: "test value" for entry in service_info.INPUTS[1:] if entry["default"] is None}
FIRST = service_info.INPUTS[0]["name"]


@pytest.fixture
def port(fake_llm: FakeLLM) -> Iterator[int]:
    server = make_server("127.0.0.1", 0, make_service(complete_inputs))
    serve_in_thread(server)
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def call(port: int, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    connection.request(method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, {name.lower(): value for name, value in response.getheaders()}, payload


def sse_data(payload: bytes) -> list[str]:
    return [line[len("data: "):] for line in payload.decode("utf-8").splitlines() if line.startswith("data: ")]


def rpc(port: int, path: str, method: str, params: Any, headers: dict[str, str] | None = None) -> dict[str, Any]:
    status, _, payload = call(port, "POST", path, {"jsonrpc": "2.0", "id": 7, "method": method, "params": params}, headers)
    assert status == 200, payload
    return json.loads(payload)


def test_health_models_and_request_errors(port: int) -> None:
    assert call(port, "GET", "/health")[::2] == (200, b'{"status": "ok"}')
    status, _, payload = call(port, "GET", "/v1/models")
    assert status == 200 and [model["id"] for model in json.loads(payload)["data"]] == [service_info.SLUG]
    assert call(port, "GET", f"/v1/models/{service_info.SLUG}")[0] == 200
    assert call(port, "GET", "/v1/models/other")[0] == 404
    for body, status in ((b"{not json", 400), ({"messages": []}, 400), ({"messages": [{"role": "system", "content": "x"}]}, 400), ({"messages": [{"role": "user", "content": 5}]}, 400)):
        code, _, payload = call(port, "POST", "/v1/chat/completions", body)
        assert code == status and json.loads(payload)["error"]["message"], payload
    assert call(port, "GET", "/nowhere")[0] == 404
    assert call(port, "GET", "/health", headers={"Origin": "http://evil.example"})[0] == 403
    assert call(port, "GET", "/health", headers={"Origin": f"http://localhost:{port}"})[0] == 200
    code, headers, _ = call(port, "GET", "/v1/chat/completions")
    assert code == 405 and headers["allow"] == "POST"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.putrequest("POST", "/v1/chat/completions")
    connection.putheader("Content-Length", "2000000")
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()


def test_chat_completions_run_the_agents(port: int, fake_llm: FakeLLM) -> None:
    body = {"model": service_info.SLUG, "messages": [{"role": "system", "content": "ignored"}, {"role": "user", "content": "hello"}], "metadata": EXTRA}
    status, _, payload = call(port, "POST", "/v1/chat/completions", body)
    assert status == 200, payload
    completion = json.loads(payload)
    choice = completion["choices"][0]
    assert completion["object"] == "chat.completion" and choice["finish_reason"] == "stop"
    assert isinstance(choice["message"]["content"], str) and choice["message"]["content"].strip()
    assert fake_llm.requests, "the agents never called the model"
    status, headers, payload = call(port, "POST", "/v1/chat/completions", {**body, "stream": True, "stream_options": {"include_usage": True}})
    assert status == 200 and headers["content-type"].startswith("text/event-stream")
    data = sse_data(payload)
    assert data[-1] == "[DONE]"
    chunks = [json.loads(item) for item in data[:-1]]
    assert all(chunk["object"] == "chat.completion.chunk" for chunk in chunks)
    text = "".join(choice["delta"].get("content") or "" for chunk in chunks for choice in chunk["choices"])
    assert text.strip() and [choice["finish_reason"] for chunk in chunks for choice in chunk["choices"]][-1] == "stop"
    assert "total_tokens" in chunks[-1]["usage"]


def test_a2a_card_and_messages(port: int) -> None:
    status, _, payload = call(port, "GET", "/.well-known/agent-card.json")
    card = json.loads(payload)
    assert status == 200 and card["name"] == service_info.NAME and card["capabilities"]["streaming"] is True
    assert card["supportedInterfaces"] == [{"url": f"http://127.0.0.1:{port}/a2a", "protocolBinding": "JSONRPC", "protocolVersion": "1.0"}]
    assert [skill["id"] for skill in card["skills"]] == [skill["id"] for skill in service_info.SKILLS]
    parts: list[dict[str, Any]] = [{"text": "hello"}] + ([{"data": EXTRA}] if EXTRA else [])
    message = {"messageId": "m1", "role": "ROLE_USER", "parts": parts}
    task = rpc(port, "/a2a", "SendMessage", {"message": message}, {"A2A-Version": "1.0"})["result"]["task"]
    assert task["status"]["state"] == "TASK_STATE_COMPLETED", task
    assert task["artifacts"][0]["parts"][0]["text"].strip() and task["history"][0]["messageId"] == "m1"
    assert rpc(port, "/a2a", "GetTask", {"id": task["id"]})["result"]["status"]["state"] == "TASK_STATE_COMPLETED"
    assert rpc(port, "/a2a", "GetTask", {"id": "missing"})["error"]["code"] == -32001
    assert rpc(port, "/a2a", "SendMessage", {"message": {"role": "ROLE_USER", "parts": parts}})["error"]["code"] == -32602
    assert rpc(port, "/a2a", "Nope", {})["error"]["code"] == -32601
    assert rpc(port, "/a2a", "GetTask", {"id": task["id"]}, {"A2A-Version": "0.3"})["error"]["code"] == -32009
    assert json.loads(call(port, "POST", "/a2a", b"{oops")[2])["error"]["code"] == -32700


def test_mcp_session_tool_list_and_call(port: int) -> None:
    accept = {"Accept": "application/json, text/event-stream"}
    initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}}
    status, headers, payload = call(port, "POST", "/mcp", initialize, accept)
    assert status == 200 and json.loads(payload)["result"]["protocolVersion"] == "2025-11-25"
    session = {**accept, "Mcp-Session-Id": headers["mcp-session-id"], "MCP-Protocol-Version": "2025-11-25"}
    assert call(port, "POST", "/mcp", {"jsonrpc": "2.0", "method": "notifications/initialized"}, session)[0] == 202
    tools = rpc(port, "/mcp", "tools/list", {}, session)["result"]["tools"]
    assert [tool["name"] for tool in tools] == [service_info.SLUG]
    assert list(tools[0]["inputSchema"]["properties"]) == [entry["name"] for entry in service_info.INPUTS]
    arguments = {FIRST: "hello", **EXTRA}
    result = rpc(port, "/mcp", "tools/call", {"name": service_info.SLUG, "arguments": arguments}, {**session, "Accept": "application/json"})["result"]
    assert result["isError"] is False and result["content"][0]["text"].strip()
    params = {"name": service_info.SLUG, "arguments": arguments, "_meta": {"progressToken": "p1"}}
    status, headers, payload = call(port, "POST", "/mcp", {"jsonrpc": "2.0", "id": 9, "method": "tools/call", "params": params}, session)
    messages = [json.loads(item) for item in sse_data(payload)]
    assert status == 200 and headers["content-type"].startswith("text/event-stream")
    assert messages[-1]["id"] == 9 and messages[-1]["result"]["isError"] is False
    assert all(message["method"] == "notifications/progress" for message in messages[:-1])
    bad = rpc(port, "/mcp", "tools/call", {"name": service_info.SLUG, "arguments": {"nope": "x"}}, {**session, "Accept": "application/json"})["result"]
    assert bad["isError"] is True and "nope" in bad["content"][0]["text"]
    assert call(port, "POST", "/mcp", {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, accept)[0] == 400
    assert call(port, "POST", "/mcp", {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, {**accept, "Mcp-Session-Id": "unknown"})[0] == 404
    assert call(port, "DELETE", "/mcp", None, session)[0] == 204
    assert call(port, "POST", "/mcp", {"jsonrpc": "2.0", "id": 3, "method": "ping"}, session)[0] == 404
