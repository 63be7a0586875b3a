"""A generated multi-agent project; run it with `python -m answer_questions_over_our_internal_docs run`."""

PROJECT_NAME = "Answer Questions Over Our Internal Docs"
__version__ = "0.1.0"
