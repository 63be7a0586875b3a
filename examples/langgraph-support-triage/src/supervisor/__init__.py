"""A generated multi-agent project; run it with `python -m supervisor run`."""

PROJECT_NAME = "Supervisor"
__version__ = "0.1.0"
