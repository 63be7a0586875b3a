"""A generated multi-agent project; run it with `python -m research_assistant run`."""

PROJECT_NAME = "Research Assistant"
__version__ = "0.1.0"
