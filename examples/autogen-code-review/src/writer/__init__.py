"""A generated multi-agent project; run it with `python -m writer run`."""

PROJECT_NAME = "Writer"
__version__ = "0.1.0"
