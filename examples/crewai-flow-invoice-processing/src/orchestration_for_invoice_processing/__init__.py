"""A generated multi-agent project; run it with `python -m orchestration_for_invoice_processing run`."""

PROJECT_NAME = "Orchestration for Invoice Processing"
__version__ = "0.1.0"
