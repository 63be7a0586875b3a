"""One LlamaIndex ReActAgent per spec agent (a Thought/Action/Observation loop in text), with the shared tools as FunctionTools."""

from __future__ import annotations

from llama_index.core.agent.workflow import ReActAgent
from llama_index.core.llms import LLM
from llama_index.core.tools import FunctionTool

from .prompts import AGENTS, describe_agent, system_prompt
from .tools import TOOLS


def agent_tools(agent_id: str) -> list[FunctionTool]:
    """The agent's tools: each shared function under its spec id, described by its docstring."""
    return [FunctionTool.from_defaults(fn=TOOLS[tool_id], name=tool_id) for tool_id in AGENTS[agent_id].tools]


def build_agent(
    agent_id: str,
    llm: LLM,
    inputs: dict[str, str],
    *,
    prompt: str | None = None,
    can_handoff_to: list[str] | None = None,
) -> ReActAgent:
    """One agent; at the step limit it writes a final answer instead of failing."""
    return ReActAgent(
        name=agent_id,
        description=describe_agent(agent_id, inputs),
        system_prompt=prompt if prompt is not None else system_prompt(agent_id, inputs),
        tools=agent_tools(agent_id),
        llm=llm,
        can_handoff_to=can_handoff_to,
        early_stopping_method="generate",
    )


def build_agents(llm: LLM, inputs: dict[str, str]) -> dict[str, ReActAgent]:
    """Every agent of the spec, by id."""
    return {agent_id: build_agent(agent_id, llm, inputs) for agent_id in AGENTS}
