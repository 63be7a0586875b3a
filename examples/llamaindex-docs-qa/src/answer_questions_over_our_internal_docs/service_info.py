"""What the served agent says about itself: the A2A agent card, the MCP tool and the model id."""

from __future__ import annotations

from typing import Any

SLUG = "answer-questions-over-our-internal-docs"
NAME = "Answer Questions Over Our Internal Docs"
DESCRIPTION = "Answer questions over our internal docs knowledge base and cite the files"
VERSION = "0.1.0"
FRAMEWORK = "llamaindex"
PATTERN = "react"

# The run inputs in order; TEXT from a chat message or A2A text part fills the first one.
INPUTS: list[dict[str, Any]] = [
    {"name": "request", "description": "What you want the agents to do", "default": "Answer questions over our internal docs knowledge base and cite the files"},
]

# One skill per task of the spec, in order.
SKILLS: list[dict[str, Any]] = [
    {
        "id": "research_task",
        "name": "Research task",
        "description": "Research {request}. Collect the facts, figures and sources the rest of the team needs.\n\nExpected output: A list of findings, each with its source (title and link, or document name).",
        "tags": ["researcher", "llamaindex", "react"],
        "agent": "Researcher",
    },
    {
        "id": "answer_task",
        "name": "Answer task",
        "description": "Answer {request} using the information gathered so far. Say plainly when something is not known.\nFrom the brief: “Answer questions over our internal docs knowledge base”\n\nExpected output: A direct answer to the request, with the sources it relies on.",
        "tags": ["assistant", "llamaindex", "react"],
        "agent": "Support assistant",
    },
]
