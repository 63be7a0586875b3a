// src/<pkg>/agents.py: one LlamaIndex workflow agent per spec agent with the shared tool functions
// wrapped as FunctionTools. The react pattern uses ReActAgent; every other pattern FunctionAgent.
export type AgentKind = 'FunctionAgent' | 'ReActAgent';

export function agentsPy(kind: AgentKind): string {
  const loop = kind === 'ReActAgent' ? 'a Thought/Action/Observation loop in text' : 'native tool calling';
  return `"""One LlamaIndex ${kind} per spec agent (${loop}), with the shared tools as FunctionTools."""

from __future__ import annotations

from llama_index.core.agent.workflow import ${kind}
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
) -> ${kind}:
    """One agent; at the step limit it writes a final answer instead of failing."""
    return ${kind}(
        name=agent_id,
        description=describe_agent(agent_id, inputs),
        system_prompt=prompt if prompt is not None else system_prompt(agent_id, inputs),
        tools=agent_tools(agent_id),
        llm=llm,
        can_handoff_to=can_handoff_to,
        early_stopping_method="generate",
    )


def build_agents(llm: LLM, inputs: dict[str, str]) -> dict[str, ${kind}]:
    """Every agent of the spec, by id."""
    return {agent_id: build_agent(agent_id, llm, inputs) for agent_id in AGENTS}
`;
}
