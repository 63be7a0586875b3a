"""The slack_post tool: one message to the channel of a Slack incoming webhook."""

from __future__ import annotations

import json
import os

from ._http import HttpError, request

MAX_CHARACTERS = 39_000


def slack_post(text: str) -> str:
    """Posts a message to a Slack channel through an incoming webhook.

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
