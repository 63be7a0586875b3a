"""What the served agent says about itself: the A2A agent card, the MCP tool and the model id."""

from __future__ import annotations

from typing import Any

SLUG = "research-crew"
NAME = "Research Crew"
DESCRIPTION = "A research crew that finds papers on the web and writes a weekly digest"
VERSION = "0.1.0"
FRAMEWORK = "crewai"
PATTERN = "sequential"

# The run inputs in order; TEXT from a chat message or A2A text part fills the first one.
INPUTS: list[dict[str, Any]] = [
    {"name": "request", "description": "What you want the agents to do", "default": "A research crew that finds papers on the web and writes a weekly digest"},
]

# One skill per task of the spec, in order.
SKILLS: list[dict[str, Any]] = [
    {
        "id": "research_task",
        "name": "Research task",
        "description": "Research {request}. Collect the facts, figures and sources the rest of the team needs.\nFrom the brief: “A research crew”\n\nExpected output: A list of findings, each with its source (title and link, or document name).",
        "tags": ["researcher", "crewai", "sequential"],
        "agent": "Researcher",
    },
    {
        "id": "analysis_task",
        "name": "Analysis task",
        "description": "Analyse the material on {request}: extract the key points, compare them and work out any figures.\n\nExpected output: A structured analysis: key points, comparisons and figures, each traced to its source.",
        "tags": ["analyst", "crewai", "sequential"],
        "agent": "Analyst",
    },
    {
        "id": "writing_task",
        "name": "Writing task",
        "description": "Write the final result about {request} from the team's work, in Markdown.\nFrom the brief: “writes a weekly digest”\n\nExpected output: A well-structured Markdown document ready to share.",
        "tags": ["writer", "crewai", "sequential"],
        "agent": "Writer",
    },
]
