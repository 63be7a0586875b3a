// graph.py for the react pattern: the project's graph is one ReAct agent loop with every tool.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { pyTuple } from './python-literals';

export function reactGraphPy(spec: ProjectSpec, packageName: string): string {
  const [lead] = spec.agents;
  const toolIds = spec.tools.map((tool) => tool.id);
  return `"""The LangGraph workflow: one ReAct agent — reason → act → observe — with every tool of the project.

The first agent leads; the other agents' roles are folded into its system prompt, and the tasks
become the steps of its plan. The loop ends when the model answers without a tool call, or after
settings.max_steps model calls.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from langchain_core.messages import HumanMessage, SystemMessage

from ${packageName}.agent_loop import answer_text, build_agent_loop, loop_limit
from ${packageName}.agents import AGENTS, system_prompt
from ${packageName}.event_hooks import AGENT_KEY, Step
from ${packageName}.llm import build_chat_model
from ${packageName}.settings import Settings, load_settings
from ${packageName}.tasks import fill, plan_text

LEAD = AGENTS[${pyString(lead?.id ?? '')}]
TOOL_IDS = ${pyTuple(toolIds)}
# For live events: the graph itself is the lead's agent loop (tagged in build_graph), so no node is a step.
STEP_NODES: dict[str, Step] = {}


def build_graph(settings: Settings | None = None) -> Any:
    """Compiles the loop; the chat model is created on first use, so importing needs no credentials."""
    settings = settings or load_settings()
    loop = build_agent_loop(cache(lambda: build_chat_model(settings)), TOOL_IDS, settings.max_steps)
    return loop.with_config(metadata={AGENT_KEY: LEAD.id})


def team_note(inputs: dict[str, str]) -> str:
    others = [agent for agent in AGENTS.values() if agent.id != LEAD.id]
    if not others:
        return ""
    roles = "\\n".join(f"- {fill(agent.role, inputs)}: {fill(agent.goal, inputs)}" for agent in others)
    return "You also take on these roles:\\n" + roles


def initial_state(inputs: dict[str, str]) -> dict[str, Any]:
    task = plan_text(inputs) + "\\n\\nWork through the plan in order, using tools when they help, then give the final result."
    return {"messages": [SystemMessage(system_prompt(LEAD, inputs, team_note(inputs))), HumanMessage(task)], "steps": 0}


def recursion_limit(settings: Settings) -> int:
    return loop_limit(settings.max_steps)


def final_output(state: dict[str, Any]) -> str:
    return answer_text(state["messages"])


# The graph \`langgraph dev\` serves (see langgraph.json).
graph = build_graph()
`;
}
