"""Runs the crew once: `python -m research_crew run "..."` calls run(inputs)."""

from __future__ import annotations

from .settings import load_dotenv

load_dotenv()  # before crewai is imported, so CREWAI_* and OTEL_* settings in .env apply to it

from .crew import ResearchCrewCrew  # noqa: E402

# CrewAI fills every {name} in config/*.yaml from the inputs and stops at a name it has no value
# for. These {name} texts are not inputs (JSON, templates...), so each one maps to itself.
LITERAL_PLACEHOLDERS: dict[str, str] = {}


def run(inputs: dict[str, str]) -> str:
    """Kicks off the crew with the inputs and returns the final answer as text."""
    values = {**inputs, **LITERAL_PLACEHOLDERS}
    result = ResearchCrewCrew().crew().kickoff(inputs=values)
    return result.raw
