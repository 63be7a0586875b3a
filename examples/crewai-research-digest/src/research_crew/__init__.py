"""A generated multi-agent project; run it with `python -m research_crew run`."""

PROJECT_NAME = "Research Crew"
__version__ = "0.1.0"
