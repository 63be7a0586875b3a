"""What the served agent says about itself: the A2A agent card, the MCP tool and the model id."""

from __future__ import annotations

from typing import Any

SLUG = "supervisor"
NAME = "Supervisor"
DESCRIPTION = "A supervisor that delegates customer questions to a knowledge base researcher and a writer who drafts replies"
VERSION = "0.1.0"
FRAMEWORK = "langgraph"
PATTERN = "supervisor"

# The run inputs in order; TEXT from a chat message or A2A text part fills the first one.
INPUTS: list[dict[str, Any]] = [
    {"name": "request", "description": "What you want the agents to do", "default": "A supervisor that delegates customer questions to a knowledge base researcher and a writer who drafts replies"},
]

# One skill per task of the spec, in order.
SKILLS: list[dict[str, Any]] = [
    {
        "id": "planning_task",
        "name": "Planning task",
        "description": "Plan the work on {request}: split it into steps, decide which specialist handles each one and what they must hand back.\n\nExpected output: A short plan naming each step, the specialist responsible and the result expected from them.",
        "tags": ["supervisor", "langgraph", "supervisor"],
        "agent": "Supervisor",
    },
    {
        "id": "research_task",
        "name": "Research task",
        "description": "Research {request}. Collect the facts, figures and sources the rest of the team needs.\nFrom the brief: “delegates customer questions to a knowledge base researcher”\n\nExpected output: A list of findings, each with its source (title and link, or document name).",
        "tags": ["researcher", "langgraph", "supervisor"],
        "agent": "Researcher",
    },
    {
        "id": "answer_task",
        "name": "Answer task",
        "description": "Answer {request} using the information gathered so far. Say plainly when something is not known.\nFrom the brief: “drafts replies”\n\nExpected output: A direct answer to the request, with the sources it relies on.",
        "tags": ["assistant", "langgraph", "supervisor"],
        "agent": "Support assistant",
    },
    {
        "id": "analysis_task",
        "name": "Analysis task",
        "description": "Analyse the material on {request}: extract the key points, compare them and work out any figures.\n\nExpected output: A structured analysis: key points, comparisons and figures, each traced to its source.",
        "tags": ["analyst", "langgraph", "supervisor"],
        "agent": "Analyst",
    },
    {
        "id": "writing_task",
        "name": "Writing task",
        "description": "Write the final result about {request} from the team's work, in Markdown.\nFrom the brief: “a writer”\n\nExpected output: A well-structured Markdown document ready to share.",
        "tags": ["writer", "langgraph", "supervisor"],
        "agent": "Writer",
    },
]
