// src/<pkg>/agent_loop.py: the reason → act → observe loop every agent runs, as a small LangGraph graph.

export function agentLoopPy(packageName: string): string {
  return `"""One agent's tool loop as a LangGraph graph: reason (model) → act (tools) → reason … until it answers.

The loop stops after settings.max_steps model calls; the last call is told to answer without tools.
Each loop runs under the name AGENT_LOOP with its agent's id in the config metadata, which is how
event_hooks.py reports it as that agent's step.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Annotated, Any, TypedDict

from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, AnyMessage, BaseMessage, HumanMessage, SystemMessage, message_chunk_to_message
from langchain_core.runnables import Runnable
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.prebuilt import ToolNode

from ${packageName} import events
from ${packageName}.agent_tools import langchain_tools
from ${packageName}.agents import Agent, system_prompt
from ${packageName}.event_hooks import AGENT_KEY, AGENT_LOOP

FINAL_STEP_NOTE = "You have reached the step limit: give your final answer now, without calling tools."
ModelFactory = Callable[[], BaseChatModel]


def call_model(model: Runnable[LanguageModelInput, BaseMessage], messages: list[AnyMessage]) -> AIMessage:
    """One model call. With live events on it streams, so LangChain hands each token to the callbacks."""
    if not events.enabled():
        reply = model.invoke(messages)
    else:
        reply = message_chunk_to_message(functools.reduce(operator.add, model.stream(messages)))
    if not isinstance(reply, AIMessage):
        raise TypeError(f"the chat model answered with {type(reply).__name__}, not an AI message")
    return reply


class LoopState(TypedDict):
    messages: Annotated[list[AnyMessage], add_messages]
    steps: int


def build_agent_loop(model: ModelFactory, tool_ids: tuple[str, ...] | list[str], max_steps: int) -> Any:
    """Compiles the loop; \`model\` is called on first use so building needs no credentials."""
    tools = langchain_tools(tool_ids)

    def reason(state: LoopState) -> dict[str, Any]:
        steps = state.get("steps", 0) + 1
        messages = list(state["messages"])
        if steps >= max_steps:
            messages.append(HumanMessage(FINAL_STEP_NOTE))
        thinker = model().bind_tools(tools) if tools else model()
        return {"messages": [call_model(thinker, messages)], "steps": steps}

    def after_reason(state: LoopState) -> str:
        last = state["messages"][-1]
        wants_tools = isinstance(last, AIMessage) and bool(last.tool_calls)
        return "act" if wants_tools and state["steps"] < max_steps else END

    builder = StateGraph(LoopState)
    builder.add_node("reason", reason)
    builder.add_edge(START, "reason")
    if tools:
        builder.add_node("act", ToolNode(tools))
        builder.add_conditional_edges("reason", after_reason, ["act", END])
        builder.add_edge("act", "reason")
    else:
        builder.add_edge("reason", END)
    return builder.compile(name=AGENT_LOOP)


def loop_limit(max_steps: int) -> int:
    """LangGraph's recursion limit for one loop: two graph steps per model call, plus slack."""
    return 2 * max_steps + 4


def answer_text(messages: list[AnyMessage]) -> str:
    """The final answer: the last AI message's text, without a ReAct-style "Final Answer:" prefix."""
    last = messages[-1] if messages else None
    text = last.text.strip() if isinstance(last, AIMessage) else ""
    if "Final Answer:" in text:
        text = text.split("Final Answer:", 1)[1].strip()
    return text or "(the agent stopped at the step limit without a final answer)"


def run_agent(model: ModelFactory, *, agent: Agent, prompt: str, inputs: dict[str, str], max_steps: int, extra: str = "") -> str:
    """Runs one agent's loop on a prompt with the agent's own tools and returns its answer."""
    loop = build_agent_loop(model, agent.tools, max_steps)
    messages = [SystemMessage(system_prompt(agent, inputs, extra)), HumanMessage(prompt)]
    config = {"recursion_limit": loop_limit(max_steps), "metadata": {AGENT_KEY: agent.id}}
    state = loop.invoke({"messages": messages, "steps": 0}, config)
    return answer_text(state["messages"])
`;
}
