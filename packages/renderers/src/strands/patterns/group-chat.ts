// Strands group-chat pattern (adapter): a round-robin conversation of Strands agents with a
// TERMINATE keyword and a turn limit.
import type { StrandsPattern } from '../strands-pattern';

const team = String.raw`"""Group chat pattern: the agents take turns in one conversation until TERMINATE or the turn limit.

Strands has no group-chat class (its Swarm hands control over by model-chosen hand-offs rather than
turns), so the turns are a small loop around Strands agents.
"""

from __future__ import annotations

from strands import Agent

from .agents import TeamContext, TeamResult, build_agent
from .prompts import AGENTS, persona, plan, request_text

RULES = (
    "You are one member of a group chat that works through the tasks below together. On your turn, "
    "do the part that fits your role and build on what the others said. When the final answer is "
    "complete, write it in full and end your message with the word TERMINATE."
)


def build_members(context: TeamContext) -> list[Agent]:
    return [
        build_agent(
            context,
            name=agent.id,
            agent_id=agent.id,
            system_prompt=f"{persona(agent, context.inputs)}\n\n{RULES}\n\nTasks:\n{plan(context.inputs)}",
        )
        for agent in AGENTS.values()
    ]


def run_team(context: TeamContext) -> TeamResult:
    """The agents speak in spec order, round after round, each receiving what was said since its last turn.

    The chat ends when a message contains TERMINATE or after AGENT_MAX_STEPS messages.
    """
    members = build_members(context)
    transcript: list[tuple[str, str]] = [("user", request_text(context.inputs))]
    seen = {member.name: 0 for member in members}
    for turn in range(context.settings.max_steps):
        member = members[turn % len(members)]
        news = "\n\n".join(f"[{speaker}]\n{text}" for speaker, text in transcript[seen[member.name] :])
        news = news or "No one else has spoken since your last message: continue, or finish with TERMINATE."
        reply = str(member(news)).strip()
        transcript.append((member.name, reply))
        seen[member.name] = len(transcript)
        if "TERMINATE" in reply:
            break
    answers = [text.replace("TERMINATE", "").strip() for _, text in transcript[1:]]
    output = next((answer for answer in reversed(answers) if answer), "")
    return TeamResult(output=output, steps=tuple(speaker for speaker, _ in transcript[1:]))
`;

const tests = String.raw`
MEMBERS = list(AGENTS)


def test_agents_take_turns_until_the_turn_limit(fake_llm, tool_log, monkeypatch) -> None:
    turns = len(MEMBERS) + 1
    monkeypatch.setenv("AGENT_MAX_STEPS", str(turns))
    result = run_agents(INPUTS)
    assert result.steps == tuple(MEMBERS[index % len(MEMBERS)] for index in range(turns))
    assert result.output == FINAL_ANSWER.strip()
    assert_real_tool_results(fake_llm, tool_log)


def test_each_turn_receives_what_was_said_since_the_last_one(fake_llm, monkeypatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", str(len(MEMBERS) + 1))
    run_agents(INPUTS)
    second_round = [body for body in fake_llm.requests if system_text(body).startswith(persona(AGENTS[MEMBERS[0]], INPUTS) + "\n\n")]
    heard = user_text(second_round[-1])
    assert all(f"[{member}]" in heard for member in MEMBERS[1:]) and "[user]" not in heard


def test_terminate_ends_the_chat(fake_llm) -> None:
    closer = MEMBERS[min(1, len(MEMBERS) - 1)]

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        if system_text(body).startswith(persona(AGENTS[closer], INPUTS) + "\n\n"):
            return {"content": "Here is the final answer. TERMINATE"}
        return None

    fake_llm.script = script
    result = run_agents(INPUTS)
    assert result.steps == tuple(MEMBERS[: MEMBERS.index(closer) + 1])
    assert result.output == "Here is the final answer."


def test_events_show_one_agent_step_per_turn(fake_llm, monkeypatch) -> None:
    turns = len(MEMBERS) + 1
    monkeypatch.setenv("AGENT_MAX_STEPS", str(turns))
    _, seen = run_with_events(INPUTS)
    assert agents_started(seen) == [MEMBERS[index % len(MEMBERS)] for index in range(turns)]
    assert set(parents(seen).values()) == {None}
    assert_tools_ran_in_their_agents_steps(seen)
`;

export const groupChatPattern: StrandsPattern = {
  team,
  tests,
  testImports: { fake_llm: ['FINAL_ANSWER'], prompts: ['persona'] },
  overview: `**Pattern: group chat (adapter).** Strands has no group-chat class: its \`Swarm\` passes control by model-chosen hand-offs rather than turns. \`team.py\` therefore runs the turns itself: one Strands \`Agent\` per spec agent, speaking in spec order round after round, each receiving everything said since its previous turn (the agents keep their own conversation, tool calls included). The chat ends when a message contains \`TERMINATE\` or after \`AGENT_MAX_STEPS\` messages; the answer is the last message without the keyword.`,
};
