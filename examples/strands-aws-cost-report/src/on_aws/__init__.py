"""A generated multi-agent project; run it with `python -m on_aws run`."""

PROJECT_NAME = "On AWS"
__version__ = "0.1.0"
