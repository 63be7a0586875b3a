// AutoGen ReAct pattern (adapter): one AssistantAgent whose bounded tool loop is the ReAct loop.
import type { AutogenPattern } from '../autogen-pattern';

const team = String.raw`"""ReAct pattern: one AssistantAgent reasons, calls tools and observes results until it can answer."""

from __future__ import annotations

from autogen_agentchat.agents import AssistantAgent

from .agents import TeamContext, function_tools, new_assistant, participant_name
from .prompts import AGENTS, describe, persona, plan

RULES = (
    "Work through the tasks below in order. Think step by step: call a tool whenever it helps, "
    "read its result, and continue until you can give the final answer."
)


def build_team(context: TeamContext) -> AssistantAgent:
    """A single agent is its own team: AutoGen's tool loop is the reason-act-observe loop.

    The agent plays the first spec agent with every tool of the project. max_tool_iterations
    (AGENT_MAX_STEPS) bounds the loop; after the last tool call the agent reflects on the results
    without tools, so a run always ends with an answer.
    """
    lead = next(iter(AGENTS.values()))
    tools = function_tools(dict.fromkeys(tool for agent in AGENTS.values() for tool in agent.tools))
    return new_assistant(
        context,
        participant_name(lead.id),
        agent_id=lead.id,
        tools=tools or None,
        system_message=f"{persona(lead, context.inputs)}\n\n{RULES}\n\n{plan(context.inputs)}",
        description=describe(lead, context.inputs),
        reflect_on_tool_use=bool(tools),
        max_tool_iterations=context.settings.max_steps,
    )
`;

const tests = String.raw`
TOOL = next((tool for agent in AGENTS.values() for tool in agent.tools), None)


def keep_calling_tools(body: dict[str, Any]) -> dict[str, Any] | None:
    """A model that always wants another tool call while tools are on offer."""
    offered = [tool["function"]["name"] for tool in body.get("tools") or []]
    if offered and body.get("tool_choice") != "none":
        return {"tool_calls": [{"name": offered[0], "arguments": DEFAULT_ARGUMENTS.get(offered[0], {})}]}
    return None


def test_react_loop_acts_observes_and_stops_at_the_step_limit(fake_llm, tool_log, monkeypatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "2")
    fake_llm.script = keep_calling_tools
    result = asyncio.run(run_team(INPUTS))
    kinds = [type(message).__name__ for message in result.messages if message.source != "user"]
    if TOOL is None:
        assert kinds == ["TextMessage"]
        return
    # reason + act, observe; twice (the step limit); then an answer written without tools
    assert kinds == ["ToolCallRequestEvent", "ToolCallExecutionEvent"] * 2 + ["TextMessage"]
    assert len(fake_llm.requests) == 3
    assert len(tool_log) == 2
    assert not fake_llm.requests[-1].get("tools") or fake_llm.requests[-1].get("tool_choice") == "none"
    assert_real_tool_results(fake_llm, tool_log)


def test_events_show_one_agent_step_for_the_whole_loop(fake_llm) -> None:
    _, seen = run_with_events(INPUTS)
    lead = next(iter(AGENTS))
    assert agents_started(seen) == [lead]
    assert len(tool_steps(seen)) == (0 if TOOL is None else 1)
    assert all(agent == lead for _, agent in tool_steps(seen))
`;

export const reactPattern: AutogenPattern = {
  team,
  tests,
  testImports: { fake_llm: ['DEFAULT_ARGUMENTS'] },
  overview: `**Pattern: ReAct (adapter).** AutoGen has no separate ReAct class; its \`AssistantAgent\` tool loop is one. \`team.py\` builds a single \`AssistantAgent\` that plays the first agent with every tool of the project and works through the tasks in order: it reasons, calls a tool, reads the result and repeats, at most \`AGENT_MAX_STEPS\` times (\`max_tool_iterations\`). After the last tool call it reflects on the results without tools (\`reflect_on_tool_use\`), so every run ends with an answer.`,
};
