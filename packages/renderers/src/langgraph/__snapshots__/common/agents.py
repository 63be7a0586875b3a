"""The agents of this project: role, goal, backstory and the tools each may call."""

from __future__ import annotations

from dataclasses import dataclass

from paper_digest.tasks import fill


@dataclass(frozen=True)
class Agent:
    id: str
    role: str
    goal: str
    backstory: str
    tools: tuple[str, ...]


AGENTS: dict[str, Agent] = {
    "researcher": Agent(
        id="researcher",
        role="Research \"Scout\"",
        goal="Find the most relevant new papers on {topic}",
        backstory="You read arXiv every morning.\nYou never make up a citation.",
        tools=("web_search", "calculator"),
    ),
    "analyst": Agent(
        id="analyst",
        role="Analyst",
        goal="Summarise each paper's contribution and compute reading time",
        backstory="A careful reviewer who checks numbers.",
        tools=("calculator",),
    ),
    "writer": Agent(
        id="writer",
        role="Digest writer",
        goal="Write a clear weekly digest in Markdown",
        backstory="An editor who writes short, friendly prose.",
        tools=("file_write",),
    ),
}


def system_prompt(agent: Agent, inputs: dict[str, str], extra: str = "") -> str:
    """The agent's persona (role, goal, backstory) with {input} placeholders filled in."""
    parts = [f"You are {fill(agent.role, inputs)}.", f"Your goal: {fill(agent.goal, inputs)}"]
    if agent.backstory:
        parts.append(fill(agent.backstory, inputs))
    if extra:
        parts.append(extra)
    return "\n\n".join(parts)
