"""What the served agent says about itself: the A2A agent card, the MCP tool and the model id."""

from __future__ import annotations

from typing import Any

SLUG = "on-aws"
NAME = "On AWS"
DESCRIPTION = "On AWS, a supervisor that queries the SQL database for costs, calculates monthly totals and posts a summary to Slack"
VERSION = "0.1.0"
FRAMEWORK = "strands"
PATTERN = "supervisor"

# The run inputs in order; TEXT from a chat message or A2A text part fills the first one.
INPUTS: list[dict[str, Any]] = [
    {"name": "request", "description": "What you want the agents to do", "default": "On AWS, a supervisor that queries the SQL database for costs, calculates monthly totals and posts a summary to Slack"},
]

# One skill per task of the spec, in order.
SKILLS: list[dict[str, Any]] = [
    {
        "id": "planning_task",
        "name": "Planning task",
        "description": "Plan the work on {request}: split it into steps, decide which specialist handles each one and what they must hand back.\n\nExpected output: A short plan naming each step, the specialist responsible and the result expected from them.",
        "tags": ["supervisor", "strands", "supervisor"],
        "agent": "Supervisor",
    },
    {
        "id": "analysis_task",
        "name": "Analysis task",
        "description": "Analyse the material on {request}: extract the key points, compare them and work out any figures.\nFrom the brief: “calculates monthly totals”\n\nExpected output: A structured analysis: key points, comparisons and figures, each traced to its source.",
        "tags": ["analyst", "strands", "supervisor"],
        "agent": "Analyst",
    },
    {
        "id": "writing_task",
        "name": "Writing task",
        "description": "Write the final result about {request} from the team's work, in Markdown.\nFrom the brief: “posts a summary to Slack”\n\nExpected output: A well-structured Markdown document ready to share.",
        "tags": ["writer", "strands", "supervisor"],
        "agent": "Writer",
    },
    {
        "id": "delivery_task",
        "name": "Delivery task",
        "description": "Deliver the finished result about {request} as the brief asks (for example by email or chat) and report what was sent.\nFrom the brief: “posts a summary to Slack”\n\nExpected output: A confirmation of what was delivered, to whom or where, with the final text.",
        "tags": ["publisher", "strands", "supervisor"],
        "agent": "Publisher",
    },
]
