"""One ReAct agent works through the whole plan.

The first agent leads; the other agents' roles are folded into its system prompt, it may use every
tool of the project, and the tasks become the steps of its plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from paper_digest.agent import react
from paper_digest.client import build_client
from paper_digest.settings import load_settings
from paper_digest.team import AGENTS, fill, plan_text, system_prompt
from paper_digest.tools import TOOLS

LEAD = AGENTS["researcher"]


@dataclass
class Run:
    """A finished run: the answer, each task's output, and the order the loops ran in."""

    answer: str
    outputs: dict[str, str] = field(default_factory=dict)
    trace: list[str] = field(default_factory=list)


def run(inputs: dict[str, str]) -> str:
    return execute(inputs).answer


def team_note(inputs: dict[str, str]) -> str:
    others = [agent for agent in AGENTS.values() if agent.id != LEAD.id]
    if not others:
        return ""
    roles = "\n".join(f"- {fill(agent.role, inputs)}: {fill(agent.goal, inputs)}" for agent in others)
    return "You also take on these roles:\n" + roles


def execute(inputs: dict[str, str]) -> Run:
    settings = load_settings()
    prompt = plan_text(inputs) + "\n\nWork through the plan in order, using tools when they help, then give the final result."
    outcome = react(
        build_client(settings),
        settings,
        agent=LEAD.id,
        system=system_prompt(LEAD, inputs, team_note(inputs)),
        prompt=prompt,
        tool_ids=list(TOOLS),
    )
    return Run(answer=outcome.answer, outputs={LEAD.id: outcome.answer}, trace=[LEAD.id])
