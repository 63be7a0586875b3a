"""The LangGraph workflow: a supervisor node delegates steps to worker nodes, one per worker agent.

The supervisor calls a delegate_to_<agent> tool; each call is sent to that agent's node, whose
answer returns to the supervisor as the tool result. It finishes by answering without a tool call,
or is made to answer after settings.max_steps turns. A spec agent that may delegate
(allowDelegation) is the supervisor itself: its persona leads, and it is not a worker.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, TypedDict

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, SystemMessage, ToolMessage
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.types import Send

from supervisor.agent_loop import ModelFactory, answer_text, call_model, run_agent
from supervisor.agents import AGENTS, Agent, system_prompt
from supervisor.event_hooks import Step
from supervisor.llm import build_chat_model
from supervisor.settings import Settings, load_settings
from supervisor.tasks import fill, plan_text

SUPERVISOR = "supervisor"  # the supervisor's node
MANAGER: Agent | None = AGENTS["supervisor"]  # the spec agent who leads, if any
WORKERS = ("researcher", "assistant", "analyst", "writer")
# For live events: each supervisor turn is an agent step; a worker's step is its agent loop.
STEP_NODES: dict[str, Step] = {SUPERVISOR: Step("agent", agent=MANAGER.id if MANAGER else SUPERVISOR)}
DELEGATE = "delegate_to_"
TEAM_RULES = """You supervise a team of agents:
{workers}

Work through the plan one step at a time: call the delegate_to_<agent> tool of the agent that should
do the next step, with an instruction that contains everything it needs from earlier results.
When the plan is done, reply with the final result and call no tool."""
FINISH_NOTE = "You have reached the delegation limit: reply now with the final result, without calling tools."


def merge_outputs(left: dict[str, str], right: dict[str, str]) -> dict[str, str]:
    return {**left, **right}


class State(TypedDict):
    inputs: dict[str, str]
    messages: Annotated[list[AnyMessage], add_messages]
    outputs: Annotated[dict[str, str], merge_outputs]
    turns: int
    trace: Annotated[list[str], operator.add]


class Delegation(TypedDict):
    inputs: dict[str, str]
    outputs: dict[str, str]
    call: dict[str, Any]


def delegate_tool(agent: Agent, inputs: dict[str, str]) -> dict[str, Any]:
    """The OpenAI-format tool the supervisor calls to hand a step to `agent`."""
    return {
        "type": "function",
        "function": {
            "name": DELEGATE + agent.id,
            "description": f"Hand a step to {fill(agent.role, inputs)}, whose goal is: {fill(agent.goal, inputs)}",
            "parameters": {
                "type": "object",
                "properties": {"instruction": {"type": "string", "description": "What to do, with the context needed."}},
                "required": ["instruction"],
            },
        },
    }


def supervisor_prompt(inputs: dict[str, str]) -> str:
    """The team rules, led by the manager's persona when the spec names one."""
    team = [AGENTS[worker] for worker in WORKERS]
    rules = TEAM_RULES.format(workers="\n".join(f"- {agent.id}: {fill(agent.role, inputs)}. {fill(agent.goal, inputs)}" for agent in team))
    return system_prompt(MANAGER, inputs, rules) if MANAGER else rules


def supervisor_node(model: ModelFactory, settings: Settings) -> Callable[[State], dict[str, Any]]:
    def supervisor(state: State) -> dict[str, Any]:
        turns = state.get("turns", 0) + 1
        inputs = state["inputs"]
        messages = [SystemMessage(supervisor_prompt(inputs)), *state["messages"]]
        finishing = turns > settings.max_steps
        if finishing:
            messages.append(HumanMessage(FINISH_NOTE))
        reply = call_model(model().bind_tools([delegate_tool(AGENTS[worker], inputs) for worker in WORKERS]), messages)
        # Keep only delegations to workers that exist; none once the limit is reached.
        calls = [] if finishing else [call for call in reply.tool_calls if call["name"].removeprefix(DELEGATE) in WORKERS]
        if len(calls) != len(reply.tool_calls):
            reply = AIMessage(content=reply.text, tool_calls=calls, id=reply.id)
        return {"messages": [reply], "turns": turns, "trace": [SUPERVISOR]}

    return supervisor


def route(state: State) -> list[Send] | str:
    """Sends each delegation to its worker node, or ends when the supervisor answered."""
    last = state["messages"][-1]
    if not isinstance(last, AIMessage) or not last.tool_calls:
        return END
    payload = {"inputs": state["inputs"], "outputs": state["outputs"]}
    return [Send(call["name"].removeprefix(DELEGATE), {**payload, "call": call}) for call in last.tool_calls]


def worker_node(agent: Agent, model: ModelFactory, settings: Settings) -> Callable[[Delegation], dict[str, Any]]:
    def worker(delegation: Delegation) -> dict[str, Any]:
        call = delegation["call"]
        earlier = "\n\n".join(f"Earlier result from {name}:\n{text}" for name, text in delegation["outputs"].items())
        prompt = "\n\n".join(part for part in (str(call["args"].get("instruction") or ""), earlier) if part)
        answer = run_agent(model, agent=agent, prompt=prompt or "Do your part of the plan.", inputs=delegation["inputs"], max_steps=settings.max_steps)
        result = ToolMessage(content=answer, tool_call_id=call["id"], name=call["name"])
        return {"messages": [result], "outputs": {agent.id: answer}, "trace": [agent.id]}

    return worker


def build_graph(settings: Settings | None = None) -> Any:
    """Compiles the workflow; the chat model is created on first use, so importing needs no credentials."""
    settings = settings or load_settings()
    model = cache(lambda: build_chat_model(settings))
    builder = StateGraph(State)
    builder.add_node(SUPERVISOR, supervisor_node(model, settings))
    for worker in WORKERS:
        builder.add_node(worker, worker_node(AGENTS[worker], model, settings))
        builder.add_edge(worker, SUPERVISOR)
    builder.add_edge(START, SUPERVISOR)
    builder.add_conditional_edges(SUPERVISOR, route, [*WORKERS, END])
    return builder.compile()


def initial_state(inputs: dict[str, str]) -> dict[str, Any]:
    return {"inputs": inputs, "messages": [HumanMessage(plan_text(inputs))], "outputs": {}, "turns": 0, "trace": []}


def recursion_limit(settings: Settings) -> int:
    return 2 * settings.max_steps + 4


def final_output(state: dict[str, Any]) -> str:
    return answer_text(state["messages"])


# The graph `langgraph dev` serves (see langgraph.json).
graph = build_graph()
