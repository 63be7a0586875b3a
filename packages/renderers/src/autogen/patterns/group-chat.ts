// AutoGen group-chat pattern: a RoundRobinGroupChat ended by TERMINATE or a message limit.
import type { AutogenPattern } from '../autogen-pattern';

const team = String.raw`"""Group chat pattern: the agents take turns in one conversation until TERMINATE or the turn limit."""

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
`;

const tests = String.raw`
MEMBERS = [participant_name(agent_id) for agent_id in AGENTS]


def test_agents_take_turns_until_the_turn_limit(fake_llm, tool_log, monkeypatch) -> None:
    turns = len(MEMBERS) + 1
    monkeypatch.setenv("AGENT_MAX_STEPS", str(turns))
    result = asyncio.run(run_team(INPUTS))
    assert speakers(result) == [MEMBERS[index % len(MEMBERS)] for index in range(turns)]
    assert result.stop_reason and "Maximum number of messages" in result.stop_reason
    assert_real_tool_results(fake_llm, tool_log)


def test_terminate_ends_the_chat(fake_llm) -> None:
    closer = list(AGENTS)[min(1, len(AGENTS) - 1)]

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        if system_text(body).startswith(persona(AGENTS[closer], INPUTS) + "\n\n"):
            return {"content": "Here is the final answer. TERMINATE"}
        return None

    fake_llm.script = script
    result = asyncio.run(run_team(INPUTS))
    assert speakers(result) == MEMBERS[: list(AGENTS).index(closer) + 1]
    assert result.stop_reason and "TERMINATE" in result.stop_reason
    assert final_output(result) == "Here is the final answer."


def test_events_show_one_agent_step_per_turn(fake_llm, monkeypatch) -> None:
    turns = len(MEMBERS) + 1
    monkeypatch.setenv("AGENT_MAX_STEPS", str(turns))
    _, seen = run_with_events(INPUTS)
    agent_ids = list(AGENTS)
    assert agents_started(seen) == [agent_ids[index % len(agent_ids)] for index in range(turns)]
    assert set(parents(seen).values()) == {None}
    assert_tools_ran_in_their_agents_steps(seen)
`;

export const groupChatPattern: AutogenPattern = {
  team,
  tests,
  testImports: { agents: ['participant_name'], main: ['final_output'], prompts: ['persona'] },
  overview: `**Pattern: group chat.** \`team.py\` builds a \`RoundRobinGroupChat\` of one \`AssistantAgent\` per spec agent. They take turns in one conversation, each seeing everything said so far, with the task list in their system messages. The chat ends when a message contains \`TERMINATE\` (\`TextMentionTermination\`) or after \`AGENT_MAX_STEPS\` agent messages (\`MaxMessageTermination\`), whichever comes first.`,
};
