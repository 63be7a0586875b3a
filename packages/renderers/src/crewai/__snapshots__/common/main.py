"""Runs the crew once: `python -m paper_digest run "..."` calls run(inputs)."""

from __future__ import annotations

from .settings import load_dotenv

load_dotenv()  # before crewai is imported, so CREWAI_* and OTEL_* settings in .env apply to it

from .crew import PaperDigestCrew  # noqa: E402
from .crewai_events import recording  # noqa: E402

# CrewAI fills every {name} in config/*.yaml from the inputs and stops at a name it has no value
# for. These {name} texts are not inputs (JSON, templates...), so each one maps to itself.
LITERAL_PLACEHOLDERS: dict[str, str] = {}
# The spec task id of each crew task, for live events (the ReAct adapter's one task keeps its name).
TASK_IDS: dict[str, str] = {
    "find_papers": "find_papers",
    "analyse_papers": "analyse_papers",
    "write_digest": "write_digest",
}


def run(inputs: dict[str, str]) -> str:
    """Kicks off the crew with the inputs and returns the final answer as text."""
    values = {**inputs, **LITERAL_PLACEHOLDERS}
    with recording(TASK_IDS):  # live events, when the run records them
        result = PaperDigestCrew().crew().kickoff(inputs=values)
    return result.raw
