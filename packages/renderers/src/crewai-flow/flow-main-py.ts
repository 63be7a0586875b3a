// src/<pkg>/main.py of a CrewAI Flow project: run(inputs) kicks off the flow and returns its answer.
import { pyStringDict } from '../crewai/python-literals';
import { flowNames, stepName } from './flow-state-py';

/** taskIds: the spec's tasks; each has a step of its own in flow.py except in the ReAct adapter. */
export function flowMainPy(packageName: string, taskIds: ReadonlyArray<string>): string {
  const { flow } = flowNames(packageName);
  const stepTasks = pyStringDict(taskIds.map((taskId) => [stepName(taskId), taskId] as const));
  return `"""Runs the flow once: \`python -m ${packageName} run "..."\` calls run(inputs)."""

from __future__ import annotations

from .settings import load_dotenv

load_dotenv()  # before crewai is imported, so CREWAI_* and OTEL_* settings in .env apply to it

from crewai.events.event_listener import event_listener  # noqa: E402

from . import events  # noqa: E402
from .crewai_events import recording  # noqa: E402
from .flow import ${flow}  # noqa: E402

# The flow methods that run a task, and that task: live events report them as task steps.
STEP_TASKS: dict[str, str] = ${stepTasks}


def kickoff(inputs: dict[str, str]) -> ${flow}:
    """Runs the flow and returns it, so callers can read its state (outputs, order, answer)."""
    # CrewAI prints progress panels to stdout, where the answer goes: suppress_flow_events quiets the
    # flow's, and a quiet console formatter the agents' (what a Crew with verbose=False does). It also
    # drops the flow's method events, which live events turn into steps: a run that records events
    # keeps them, and recording() quiets the console instead.
    event_listener.formatter.verbose = False
    with recording(STEP_TASKS):
        flow = ${flow}(suppress_flow_events=not events.enabled())
        flow.kickoff(inputs={"inputs": dict(inputs)})
    return flow


def run(inputs: dict[str, str]) -> str:
    """Kicks off the flow with the inputs and returns the final answer as text."""
    answer = kickoff(inputs).state.answer
    if not answer.strip():
        raise RuntimeError("the flow finished without an answer; try a larger AGENT_MAX_STEPS or another model")
    return answer
`;
}
