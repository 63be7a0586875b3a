"""The LangGraph workflow: one ReAct agent — reason → act → observe — with every tool of the project.

The first agent leads; the other agents' roles are folded into its system prompt, and the tasks
become the steps of its plan. The loop ends when the model answers without a tool call, or after
settings.max_steps model calls.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from langchain_core.messages import HumanMessage, SystemMessage

from paper_digest.agent_loop import answer_text, build_agent_loop, loop_limit
from paper_digest.agents import AGENTS, system_prompt
from paper_digest.event_hooks import AGENT_KEY, Step
from paper_digest.llm import build_chat_model
from paper_digest.settings import Settings, load_settings
from paper_digest.tasks import fill, plan_text

LEAD = AGENTS["researcher"]
TOOL_IDS = ("web_search", "calculator", "file_write")
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
    roles = "\n".join(f"- {fill(agent.role, inputs)}: {fill(agent.goal, inputs)}" for agent in others)
    return "You also take on these roles:\n" + roles


def initial_state(inputs: dict[str, str]) -> dict[str, Any]:
    task = plan_text(inputs) + "\n\nWork through the plan in order, using tools when they help, then give the final result."
    return {"messages": [SystemMessage(system_prompt(LEAD, inputs, team_note(inputs))), HumanMessage(task)], "steps": 0}


def recursion_limit(settings: Settings) -> int:
    return loop_limit(settings.max_steps)


def final_output(state: dict[str, Any]) -> str:
    return answer_text(state["messages"])


# The graph `langgraph dev` serves (see langgraph.json).
graph = build_graph()
