// tools/http_request.py: GET or POST to an http(s) URL, returning status and (capped) body.
import type { PythonTool } from './python-tool';

export const httpRequestTool: PythonTool = {
  id: 'http_request',
  dependencies: [],
  helpers: ['http'],
  envExamples: {},
  source: (description) => String.raw`"""The http_request tool: GET or POST to an http(s) URL with a timeout and a size cap."""

from __future__ import annotations

import json

from ._http import HttpError, request

MAX_CHARACTERS = 20_000


def http_request(url: str, method: str = "GET", body: str = "") -> str:
    """${description}

    Args:
        url: The http:// or https:// URL to call.
        method: GET or POST.
        body: The POST body; sent as application/json when it is valid JSON, else as plain text.
    """
    try:
        verb = str(method).strip().upper() or "GET"
        if verb not in ("GET", "POST"):
            return f"error: method must be GET or POST, got {method!r}"
        data = None
        headers = {"Accept": "application/json, text/plain;q=0.9, */*;q=0.5"}
        if verb == "POST":
            data = str(body).encode("utf-8")
            try:
                json.loads(body)
                headers["Content-Type"] = "application/json"
            except ValueError:
                headers["Content-Type"] = "text/plain; charset=utf-8"
        response = request(url, method=verb, data=data, headers=headers)
        text = response.text()
        cut = response.truncated or len(text) > MAX_CHARACTERS
        return f"HTTP {response.status} ({response.content_type})\n{text[:MAX_CHARACTERS]}" + ("\n[truncated]" if cut else "")
    except HttpError as error:
        return f"error: {error}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: request failed: {error}"
`,
  tests: String.raw`
def test_http_request_get_and_post(local_server: LocalServer) -> None:
    local_server.route("/items", '{"items": [1, 2]}', content_type="application/json")
    assert http_request(local_server.url + "/items") == 'HTTP 200 (application/json)\n{"items": [1, 2]}'
    answer = http_request(local_server.url + "/items", method="post", body='{"name": "x"}')
    assert answer.startswith("HTTP 200")
    sent = local_server.received[-1]
    assert sent["method"] == "POST" and sent["body"] == b'{"name": "x"}'
    assert sent["headers"]["Content-Type"] == "application/json"


def test_http_request_reports_status_and_refuses_other_schemes(local_server: LocalServer) -> None:
    assert http_request(local_server.url + "/nothing").startswith("HTTP 404")
    assert http_request("file:///etc/passwd").startswith("error: only http:// and https:// URLs")
    assert http_request("ftp://example.org/").startswith("error: only http:// and https:// URLs")
    assert http_request(local_server.url, method="DELETE").startswith("error: method must be GET or POST")
    local_server.route("/jump", "", status=302, headers={"Location": "ftp://example.org/secret"})
    assert http_request(local_server.url + "/jump").startswith("error: only http:// and https:// URLs")


def test_http_request_caps_large_bodies(local_server: LocalServer) -> None:
    local_server.route("/big", "x" * 50_000)
    answer = http_request(local_server.url + "/big")
    assert answer.endswith("[truncated]") and len(answer) < 20_100


def test_http_request_reports_unreachable_hosts() -> None:
    assert http_request("http://127.0.0.1:9/").startswith("error: request to http://127.0.0.1:9/ failed")
`,
};
