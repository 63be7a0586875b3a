"""The web_search tool: a SearXNG-compatible JSON API (GET {SEARCH_API_URL}/search?q=...&format=json)."""

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
    """Searches the web through a SearXNG-compatible JSON search API and returns titles, links and snippets.

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
