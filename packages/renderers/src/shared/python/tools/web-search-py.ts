// tools/web_search.py: queries a SearXNG-compatible JSON search API at SEARCH_API_URL.
import type { PythonTool } from './python-tool';

export const webSearchTool: PythonTool = {
  id: 'web_search',
  dependencies: [],
  helpers: ['http'],
  envExamples: { SEARCH_API_URL: 'http://127.0.0.1:8888' },
  source: (description) => String.raw`"""The web_search tool: a SearXNG-compatible JSON API (GET {SEARCH_API_URL}/search?q=...&format=json)."""

from __future__ import annotations

import json
import os
import urllib.parse

from ._http import HttpError, request


def _search(query: str, max_results: int) -> str:
    base = os.environ.get("SEARCH_API_URL", "").strip()
    if not base:
        return "error: SEARCH_API_URL is not set; point it at a SearXNG instance with the JSON format enabled"
    if not str(query).strip():
        return "error: the query is empty"
    count = max(1, min(int(max_results), 10))
    url = base.rstrip("/") + "/search?" + urllib.parse.urlencode({"q": str(query), "format": "json"})
    response = request(url, headers={"Accept": "application/json"})
    if response.status != 200:
        return f"error: the search API answered HTTP {response.status}"
    try:
        data = json.loads(response.text())
    except ValueError:
        return "error: the search API did not return JSON (is format=json enabled?)"
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list) or not results:
        return f"No results for {str(query)!r}."
    lines = []
    for number, item in enumerate([item for item in results if isinstance(item, dict)][:count], start=1):
        title = " ".join(str(item.get("title") or "(untitled)").split())
        snippet = " ".join(str(item.get("content") or "").split())[:300]
        lines.append(f"{number}. {title}\n   {item.get('url') or ''}\n   {snippet}".rstrip())
    return "\n".join(lines)


def web_search(query: str, max_results: int = 5) -> str:
    """${description}

    Args:
        query: What to search for.
        max_results: How many results to return (1 to 10).
    """
    try:
        return _search(query, max_results)
    except HttpError as error:
        return f"error: {error}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: web search failed: {error}"
`,
  tests: String.raw`
def test_web_search_formats_results(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    results = [{"title": "Agents  paper", "url": "https://example.org/a", "content": "About agents."}, {"title": "Second", "url": "https://example.org/b", "content": ""}]
    local_server.route("/search", json.dumps({"results": results}), content_type="application/json")
    monkeypatch.setenv("SEARCH_API_URL", local_server.url)
    answer = web_search("multi agent", max_results=1)
    assert answer == "1. Agents paper\n   https://example.org/a\n   About agents."
    assert local_server.received[-1]["path"] == "/search?q=multi+agent&format=json"


def test_web_search_reports_missing_config_and_http_errors(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEARCH_API_URL", raising=False)
    assert web_search("x").startswith("error: SEARCH_API_URL is not set")
    monkeypatch.setenv("SEARCH_API_URL", local_server.url + "/missing")
    assert web_search("x") == "error: the search API answered HTTP 404"
    monkeypatch.setenv("SEARCH_API_URL", "file:///etc")
    assert web_search("x").startswith("error: only http:// and https:// URLs")
`,
};
