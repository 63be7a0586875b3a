"""What the served agent says about itself: the A2A agent card, the MCP tool and the model id."""

from __future__ import annotations

from typing import Any

SLUG = "writer"
NAME = "Writer"
DESCRIPTION = "A writer and a critic iterate on a blog post until it is ready"
VERSION = "0.1.0"
FRAMEWORK = "autogen"
PATTERN = "group-chat"

# The run inputs in order; TEXT from a chat message or A2A text part fills the first one.
INPUTS: list[dict[str, Any]] = [
    {"name": "topic", "description": "The subject the agents work on", "default": "a blog post until it is ready"},
]

# One skill per task of the spec, in order.
SKILLS: list[dict[str, Any]] = [
    {
        "id": "writing_task",
        "name": "Writing task",
        "description": "Write the final result about {topic} from the team's work, in Markdown.\nFrom the brief: “A writer”\n\nExpected output: A well-structured Markdown document ready to share.",
        "tags": ["writer", "autogen", "group-chat"],
        "agent": "Writer",
    },
    {
        "id": "review_task",
        "name": "Review task",
        "description": "Review the draft about {topic}: check every claim against the findings, fix errors and tighten the wording.\nFrom the brief: “a critic iterate on a blog post until it is ready”\n\nExpected output: The corrected final version, followed by a short list of the changes made.",
        "tags": ["reviewer", "autogen", "group-chat"],
        "agent": "Reviewer",
    },
    {
        "id": "delivery_task",
        "name": "Delivery task",
        "description": "Deliver the finished result about {topic} as the brief asks (for example by email or chat) and report what was sent.\nFrom the brief: “a critic iterate on a blog post until it is ready”\n\nExpected output: A confirmation of what was delivered, to whom or where, with the final text.",
        "tags": ["publisher", "autogen", "group-chat"],
        "agent": "Publisher",
    },
]
