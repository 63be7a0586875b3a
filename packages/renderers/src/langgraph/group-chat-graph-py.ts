// graph.py for the group-chat pattern: agents speak in turn (round robin) until TERMINATE or max turns.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';

function turnEdges(spec: ProjectSpec): string[] {
  const ids = spec.agents.map((agent) => agent.id);
  return ids.map((id, index) => {
    const next = pyString(ids[(index + 1) % ids.length] ?? id);
    return `builder.add_conditional_edges(${pyString(id)}, after_turn(${next}, settings.max_steps), [${next}, END])`;
  });
}

export function groupChatGraphPy(spec: ProjectSpec, packageName: string): string {
  const first = pyString(spec.agents[0]?.id ?? '');
  return `"""The LangGraph workflow: a group chat in which the agents speak in turn, round robin.

Every speaker sees the job and the whole conversation. The chat ends when a message contains
TERMINATE or after settings.max_steps turns.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, TypedDict

from langgraph.graph import END, START, StateGraph

from ${packageName}.agent_loop import ModelFactory, run_agent
from ${packageName}.agents import AGENTS, Agent
from ${packageName}.event_hooks import Step
from ${packageName}.llm import build_chat_model
from ${packageName}.settings import Settings, load_settings
from ${packageName}.tasks import plan_text

TERMINATE = "TERMINATE"
# For live events: a speaker's turn is its agent loop, reported as an agent step; no node is a step itself.
STEP_NODES: dict[str, Step] = {}
CHAT_RULES = """You are one member of a group chat working on a shared job; the members are {members}.
On your turn, do the part of the plan that fits your role, building on what the others wrote.
When the whole job is complete, end your message with the word TERMINATE."""


class Turn(TypedDict):
    speaker: str
    text: str


class State(TypedDict):
    inputs: dict[str, str]
    transcript: Annotated[list[Turn], operator.add]
    trace: Annotated[list[str], operator.add]


def chat_prompt(inputs: dict[str, str], transcript: list[Turn]) -> str:
    conversation = "\\n\\n".join(f"[{turn['speaker']}] {turn['text']}" for turn in transcript)
    return plan_text(inputs) + "\\n\\nConversation so far:\\n" + (conversation or "(you speak first)")


def speaker_node(agent: Agent, model: ModelFactory, settings: Settings) -> Callable[[State], dict[str, Any]]:
    def speak(state: State) -> dict[str, Any]:
        inputs = state["inputs"]
        rules = CHAT_RULES.format(members=", ".join(AGENTS))
        prompt = chat_prompt(inputs, state["transcript"])
        text = run_agent(model, agent=agent, prompt=prompt, inputs=inputs, max_steps=settings.max_steps, extra=rules)
        return {"transcript": [{"speaker": agent.id, "text": text}], "trace": [agent.id]}

    return speak


def after_turn(next_speaker: str, max_turns: int) -> Callable[[State], str]:
    """Ends the chat on TERMINATE or after max_turns turns; otherwise hands over to next_speaker."""

    def route(state: State) -> str:
        transcript = state["transcript"]
        if TERMINATE in transcript[-1]["text"] or len(transcript) >= max_turns:
            return END
        return next_speaker

    return route


def build_graph(settings: Settings | None = None) -> Any:
    """Compiles the chat; the chat model is created on first use, so importing needs no credentials."""
    settings = settings or load_settings()
    model = cache(lambda: build_chat_model(settings))
    builder = StateGraph(State)
    for agent in AGENTS.values():
        builder.add_node(agent.id, speaker_node(agent, model, settings))
    builder.add_edge(START, ${first})
${turnEdges(spec).map((edge) => `    ${edge}`).join('\n')}
    return builder.compile()


def initial_state(inputs: dict[str, str]) -> dict[str, Any]:
    return {"inputs": inputs, "transcript": [], "trace": []}


def recursion_limit(settings: Settings) -> int:
    return settings.max_steps + 2


def final_output(state: dict[str, Any]) -> str:
    """The last message with text once TERMINATE is removed."""
    for turn in reversed(state["transcript"]):
        text = turn["text"].replace(TERMINATE, "").strip()
        if text:
            return text
    return ""


# The graph \`langgraph dev\` serves (see langgraph.json).
graph = build_graph()
`;
}
