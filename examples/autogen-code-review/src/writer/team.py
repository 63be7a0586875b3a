"""Group chat pattern: the agents take turns in one conversation until TERMINATE or the turn limit."""

from __future__ import annotations

from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat

from .agents import TeamContext, assistant
from .prompts import AGENTS, persona, plan

RULES = (
    "You are one member of a group chat that works through the tasks below together. On your turn, "
    "do the part that fits your role and build on what the others said. When the final answer is "
    "complete, write it in full and end your message with the word TERMINATE."
)


def build_team(context: TeamContext) -> RoundRobinGroupChat:
    """The spec's agents speak in turn, each seeing the whole conversation.

    The chat ends when a message contains TERMINATE or after AGENT_MAX_STEPS agent messages.
    """
    members = [
        assistant(
            context,
            name=agent.id,
            agent_id=agent.id,
            system_message=f"{persona(agent, context.inputs)}\n\n{RULES}\n\nTasks:\n{plan(context.inputs)}",
        )
        for agent in AGENTS.values()
    ]
    termination = TextMentionTermination("TERMINATE") | MaxMessageTermination(context.settings.max_steps + 1)
    return RoundRobinGroupChat(members, termination_condition=termination)
