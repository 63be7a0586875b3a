// tools/github_issues.py: lists or creates issues through the GitHub REST API.
import type { PythonTool } from './python-tool';

export const githubIssuesTool: PythonTool = {
  id: 'github_issues',
  dependencies: [],
  helpers: ['http'],
  envExamples: { GITHUB_TOKEN: '', GITHUB_API_URL: 'https://api.github.com' },
  source: (description) => String.raw`"""The github_issues tool: list open issues or create one (GITHUB_TOKEN, GITHUB_API_URL)."""

from __future__ import annotations

import json
import os
import re

from ._http import HttpError, request

_REPOSITORY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$")


def _headers() -> dict[str, str]:
    headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    token = os.environ.get("GITHUB_TOKEN", "").strip()
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


def _list(base: str, repo: str) -> str:
    response = request(f"{base}/repos/{repo}/issues?state=open&per_page=20", headers=_headers())
    if response.status != 200:
        return f"error: GitHub answered HTTP {response.status}: {response.text()[:200]}"
    issues = [issue for issue in json.loads(response.text()) if isinstance(issue, dict) and "pull_request" not in issue]
    if not issues:
        return f"{repo} has no open issues."
    return "\n".join(f"#{issue.get('number')} {' '.join(str(issue.get('title')).split())} ({issue.get('html_url')})" for issue in issues)


def _create(base: str, repo: str, title: str, body: str) -> str:
    if not os.environ.get("GITHUB_TOKEN", "").strip():
        return "error: GITHUB_TOKEN is not set; creating issues needs a token with issues:write"
    if not str(title).strip():
        return "error: a new issue needs a title"
    payload = json.dumps({"title": " ".join(str(title).split())[:256], "body": str(body)}).encode("utf-8")
    response = request(f"{base}/repos/{repo}/issues", method="POST", data=payload, headers={**_headers(), "Content-Type": "application/json"})
    if response.status != 201:
        return f"error: GitHub answered HTTP {response.status}: {response.text()[:200]}"
    issue = json.loads(response.text())
    return f"created issue #{issue.get('number')}: {issue.get('html_url')}"


def github_issues(repo: str, action: str = "list", title: str = "", body: str = "") -> str:
    """${description}

    Args:
        repo: The repository as owner/name.
        action: "list" for open issues or "create" for a new issue.
        title: The title of a new issue (create only).
        body: The Markdown text of a new issue (create only).
    """
    try:
        repository = str(repo).strip()
        if not _REPOSITORY.match(repository):
            return f"error: repo must look like owner/name, got {repository[:100]!r}"
        base = (os.environ.get("GITHUB_API_URL", "").strip() or "https://api.github.com").rstrip("/")
        verb = str(action).strip().lower()
        if verb == "list":
            return _list(base, repository)
        if verb == "create":
            return _create(base, repository, title, body)
        return f"error: action must be 'list' or 'create', got {action!r}"
    except HttpError as error:
        return f"error: {error}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: GitHub request failed: {error}"
`,
  tests: String.raw`
def test_github_issues_lists_and_creates(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    issues = [
        {"number": 7, "title": "Crash  on start", "html_url": "https://github.com/o/r/issues/7"},
        {"number": 8, "title": "A pull request", "html_url": "https://github.com/o/r/pull/8", "pull_request": {}},
    ]
    local_server.route("/repos/o/r/issues", json.dumps(issues), content_type="application/json")
    monkeypatch.setenv("GITHUB_API_URL", local_server.url)
    monkeypatch.setenv("GITHUB_TOKEN", "test-token")
    assert github_issues("o/r") == "#7 Crash on start (https://github.com/o/r/issues/7)"
    assert local_server.received[-1]["headers"]["Authorization"] == "Bearer test-token"
    local_server.route("/repos/o/r/issues", json.dumps({"number": 9, "html_url": "https://github.com/o/r/issues/9"}), status=201)
    assert github_issues("o/r", action="create", title="New bug", body="Steps") == "created issue #9: https://github.com/o/r/issues/9"
    assert json.loads(local_server.received[-1]["body"]) == {"title": "New bug", "body": "Steps"}


def test_github_issues_refuses_bad_input(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_API_URL", local_server.url)
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    assert github_issues("../../etc").startswith("error: repo must look like owner/name")
    assert github_issues("o/r", action="delete").startswith("error: action must be")
    assert github_issues("o/r", action="create", title="x").startswith("error: GITHUB_TOKEN is not set")
    assert github_issues("o/missing").startswith("error: GitHub answered HTTP 404")
`,
};
