"""The shared tool implementations of this project, imported by the Orchestrate tools in tools/."""
