// Strands ReAct pattern: one Agent's model-driven tool loop, bounded by the StepLimit hook.
import type { StrandsPattern } from '../strands-pattern';

const team = String.raw`"""ReAct pattern: one Strands agent reasons, calls tools and observes results until it can answer."""

from __future__ import annotations

from strands import Agent

from .agents import TeamContext, TeamResult, loop_options, strands_tools, tool_calls
from .prompts import AGENTS, describe, persona, plan, request_text

RULES = (
    "Work through the tasks below in order. Think step by step: call a tool whenever it helps, "
    "read its result, and continue until you can give the final answer."
)


def build_react_agent(context: TeamContext) -> Agent:
    """The Strands agent loop is a ReAct loop; this agent plays the first spec agent with every tool.

    StepLimit (AGENT_MAX_STEPS) bounds the loop: past the limit the agent is told to answer.
    """
    lead = next(iter(AGENTS.values()))
    tool_ids = dict.fromkeys(tool_id for agent in AGENTS.values() for tool_id in agent.tools)
    return Agent(
        model=context.model,
        system_prompt=f"{persona(lead, context.inputs)}\n\n{RULES}\n\n{plan(context.inputs)}",
        tools=strands_tools(tool_ids),
        name=lead.id,
        description=describe(lead, context.inputs),
        **loop_options(context, lead.id),
    )


def run_team(context: TeamContext) -> TeamResult:
    """Runs the loop; the steps are the tools the agent called, in order."""
    agent = build_react_agent(context)
    answer = str(agent(request_text(context.inputs))).strip()
    return TeamResult(output=answer, steps=tuple(tool_calls(agent)))
`;

const tests = String.raw`
TOOL = next((tool_id for agent in AGENTS.values() for tool_id in agent.tools), None)


def test_agent_reasons_acts_observes_and_answers(fake_llm, tool_log) -> None:
    result = run_agents(INPUTS)
    assert result.output == FINAL_ANSWER.strip()
    assert result.steps == (() if TOOL is None else (TOOL,))
    assert_real_tool_results(fake_llm, tool_log)


def test_step_limit_stops_a_model_that_keeps_calling_tools(fake_llm, tool_log, monkeypatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "2")

    def stubborn(body: dict[str, Any]) -> dict[str, Any] | None:
        offered = offered_tools(body)
        return {"tool_calls": [{"name": offered[0], "arguments": DEFAULT_ARGUMENTS.get(offered[0], {})}]} if offered else None

    fake_llm.script = stubborn
    result = run_agents(INPUTS)
    if TOOL is None:
        assert result.steps == ()
        return
    # two real steps, one call refused with the note, and the next request for a tool ends the loop
    results = [text for _, _, text in tool_round_trips(fake_llm)]
    assert [STEP_LIMIT_NOTE in text for text in results] == [False, False, True]
    assert len(fake_llm.requests) == 4
    assert len(tool_log) == 2
    assert result.output.startswith("Stopped after 2 tool steps")
    assert_real_tool_results(fake_llm, tool_log)


def test_events_show_one_agent_step_for_the_whole_loop(fake_llm) -> None:
    _, seen = run_with_events(INPUTS)
    lead = next(iter(AGENTS))
    assert agents_started(seen) == [lead]
    assert tool_steps(seen) == ([] if TOOL is None else [(TOOL, lead)])
`;

export const reactPattern: StrandsPattern = {
  team,
  tests,
  testImports: { agents: ['STEP_LIMIT_NOTE'], fake_llm: ['DEFAULT_ARGUMENTS', 'FINAL_ANSWER'] },
  overview: `**Pattern: ReAct.** The Strands agent loop is a ReAct loop: the model reasons, calls a tool, reads the result and repeats until it answers. \`team.py\` builds one \`Agent\` that plays the first agent with every tool of the project and works through the tasks in order. A \`StepLimit\` hook bounds the loop at \`AGENT_MAX_STEPS\` tool rounds: past the limit further tool calls are refused with a note asking for the final answer, and an agent that keeps asking is stopped.`,
};
