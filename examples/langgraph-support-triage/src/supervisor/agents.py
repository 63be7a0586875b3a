"""The agents of this project: role, goal, backstory and the tools each may call."""

from __future__ import annotations

from dataclasses import dataclass

from supervisor.tasks import fill


@dataclass(frozen=True)
class Agent:
    id: str
    role: str
    goal: str
    backstory: str
    tools: tuple[str, ...]


AGENTS: dict[str, Agent] = {
    "supervisor": Agent(
        id="supervisor",
        role="Supervisor",
        goal="Deliver a complete, correct result for {request} by giving each specialist the right part of the work",
        backstory="An experienced lead who breaks work into clear assignments, delegates each to the specialist best suited for it, and checks results before anything is delivered.",
        tools=(),
    ),
    "researcher": Agent(
        id="researcher",
        role="Researcher",
        goal="Find reliable, current information about {request}",
        backstory="A meticulous researcher who checks every claim against its source and never invents a citation.",
        tools=(),
    ),
    "assistant": Agent(
        id="assistant",
        role="Support assistant",
        goal="Answer {request} accurately and helpfully",
        backstory="A patient support specialist who answers from the knowledge available, says so when an answer is unknown, and keeps replies short.",
        tools=("vector_search",),
    ),
    "analyst": Agent(
        id="analyst",
        role="Analyst",
        goal="Turn the material on {request} into clear, checked insights",
        backstory="A careful analyst who compares sources, checks numbers and keeps facts apart from opinions.",
        tools=(),
    ),
    "writer": Agent(
        id="writer",
        role="Writer",
        goal="Write a clear, well-structured result about {request}",
        backstory="A skilled writer who turns notes and analysis into concise prose a busy reader understands at once.",
        tools=(),
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
