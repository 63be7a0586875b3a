"""Runs the flow once: `python -m orchestration_for_invoice_processing run "..."` calls run(inputs)."""

from __future__ import annotations

from .settings import load_dotenv

load_dotenv()  # before crewai is imported, so CREWAI_* and OTEL_* settings in .env apply to it

from crewai.events.event_listener import event_listener  # noqa: E402

from .flow import OrchestrationForInvoiceProcessingFlow  # noqa: E402


def kickoff(inputs: dict[str, str]) -> OrchestrationForInvoiceProcessingFlow:
    """Runs the flow and returns it, so callers can read its state (outputs, order, answer)."""
    # CrewAI prints progress panels to stdout, where the answer goes: suppress_flow_events quiets the
    # flow's, and a quiet console formatter the agents' (what a Crew with verbose=False does).
    event_listener.formatter.verbose = False
    flow = OrchestrationForInvoiceProcessingFlow(suppress_flow_events=True)
    flow.kickoff(inputs={"inputs": dict(inputs)})
    return flow


def run(inputs: dict[str, str]) -> str:
    """Kicks off the flow with the inputs and returns the final answer as text."""
    answer = kickoff(inputs).state.answer
    if not answer.strip():
        raise RuntimeError("the flow finished without an answer; try a larger AGENT_MAX_STEPS or another model")
    return answer
