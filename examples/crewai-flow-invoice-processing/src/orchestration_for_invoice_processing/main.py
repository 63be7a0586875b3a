"""Runs the flow once: `python -m orchestration_for_invoice_processing run "..."` calls run(inputs)."""

from __future__ import annotations

from .settings import load_dotenv

load_dotenv()  # before crewai is imported, so CREWAI_* and OTEL_* settings in .env apply to it

from crewai.events.event_listener import event_listener  # noqa: E402

from . import events  # noqa: E402
from .crewai_events import recording  # noqa: E402
from .flow import OrchestrationForInvoiceProcessingFlow  # noqa: E402

# The flow methods that run a task, and that task: live events report them as task steps.
STEP_TASKS: dict[str, str] = {
    "research_task_step": "research_task",
    "analysis_task_step": "analysis_task",
    "writing_task_step": "writing_task",
}


def kickoff(inputs: dict[str, str]) -> OrchestrationForInvoiceProcessingFlow:
    """Runs the flow and returns it, so callers can read its state (outputs, order, answer)."""
    # CrewAI prints progress panels to stdout, where the answer goes: suppress_flow_events quiets the
    # flow's, and a quiet console formatter the agents' (what a Crew with verbose=False does). It also
    # drops the flow's method events, which live events turn into steps: a run that records events
    # keeps them, and recording() quiets the console instead.
    event_listener.formatter.verbose = False
    with recording(STEP_TASKS):
        flow = OrchestrationForInvoiceProcessingFlow(suppress_flow_events=not events.enabled())
        flow.kickoff(inputs={"inputs": dict(inputs)})
    return flow


def run(inputs: dict[str, str]) -> str:
    """Kicks off the flow with the inputs and returns the final answer as text."""
    answer = kickoff(inputs).state.answer
    if not answer.strip():
        raise RuntimeError("the flow finished without an answer; try a larger AGENT_MAX_STEPS or another model")
    return answer
