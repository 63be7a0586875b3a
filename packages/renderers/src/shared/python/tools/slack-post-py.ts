// tools/slack_post.py: posts a message to a Slack incoming webhook (SLACK_WEBHOOK_URL).
import type { PythonTool } from './python-tool';

export const slackPostTool: PythonTool = {
  id: 'slack_post',
  dependencies: [],
  helpers: ['http'],
  envExamples: { SLACK_WEBHOOK_URL: '' },
  source: (description) => String.raw`"""The slack_post tool: one message to the channel of a Slack incoming webhook."""

from __future__ import annotations

import json
import os

from ._http import HttpError, request

MAX_CHARACTERS = 39_000


def slack_post(text: str) -> str:
    """${description}

    Args:
        text: The message (Slack mrkdwn formatting is allowed).
    """
    try:
        url = os.environ.get("SLACK_WEBHOOK_URL", "").strip()
        if not url:
            return "error: SLACK_WEBHOOK_URL is not set; create an incoming webhook in Slack"
        message = str(text).strip()
        if not message:
            return "error: the message is empty"
        payload = json.dumps({"text": message[:MAX_CHARACTERS]}).encode("utf-8")
        response = request(url, method="POST", data=payload, headers={"Content-Type": "application/json"})
        if response.status >= 300:
            return f"error: Slack answered HTTP {response.status}: {response.text()[:200]}"
        return "posted the message to Slack"
    except HttpError as error:
        return f"error: {error}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: could not post to Slack: {error}"
`,
  tests: String.raw`
def test_slack_post_sends_json_to_the_webhook(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    local_server.route("/hook", "ok")
    monkeypatch.setenv("SLACK_WEBHOOK_URL", local_server.url + "/hook")
    assert slack_post("Digest is *ready*") == "posted the message to Slack"
    sent = local_server.received[-1]
    assert sent["method"] == "POST" and json.loads(sent["body"]) == {"text": "Digest is *ready*"}


def test_slack_post_reports_failures(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SLACK_WEBHOOK_URL", raising=False)
    assert slack_post("hi").startswith("error: SLACK_WEBHOOK_URL is not set")
    local_server.route("/hook", "invalid_token", status=403)
    monkeypatch.setenv("SLACK_WEBHOOK_URL", local_server.url + "/hook")
    assert slack_post("hi") == "error: Slack answered HTTP 403: invalid_token"
    assert slack_post("   ") == "error: the message is empty"
`,
};
