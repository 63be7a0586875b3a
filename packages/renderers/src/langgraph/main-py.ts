// src/<pkg>/main.py: runs the compiled graph once on the inputs and returns the final output.

export function mainPy(packageName: string): string {
  return `"""Runs the LangGraph workflow once: \`run(inputs)\` returns the final output as text."""

from __future__ import annotations

from typing import Any

from ${packageName}.event_hooks import callbacks
from ${packageName}.graph import STEP_NODES, build_graph, final_output, initial_state, recursion_limit
from ${packageName}.settings import load_settings


def execute(inputs: dict[str, str]) -> dict[str, Any]:
    """Runs the graph and returns its final state (outputs, trace, messages …); reports live events when on."""
    settings = load_settings()
    graph = build_graph(settings)
    config = {"recursion_limit": recursion_limit(settings), "callbacks": callbacks(STEP_NODES)}
    return graph.invoke(initial_state(inputs), config)


def run(inputs: dict[str, str]) -> str:
    return final_output(execute(inputs))
`;
}
