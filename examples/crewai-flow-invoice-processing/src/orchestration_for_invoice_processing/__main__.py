"""Command line of this project.

  python -m orchestration_for_invoice_processing run [TEXT] [--input name=value ...] [--out FILE] [--events]
  python -m orchestration_for_invoice_processing serve [--host 127.0.0.1] [--port 8000]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import events

PROG = "python -m orchestration_for_invoice_processing"
# Spec inputs in order with their defaults (None: the input must be given).
INPUTS: dict[str, str | None] = {
    "request": "Create an orchestration for invoice processing that reads PDF invoices, calculates totals and saves a summary file",
}
OUTPUT_FILE: str | None = "orchestration-for-invoice-processing-output.md"


def complete_inputs(text: str | None, values: dict[str, str]) -> dict[str, str]:
    """TEXT goes to the first input (or "input"), values override, defaults fill the rest."""
    inputs: dict[str, str] = {name: value for name, value in INPUTS.items() if value is not None}
    if text is not None:
        inputs[next(iter(INPUTS), "input")] = text
    inputs.update(values)
    missing = [name for name in INPUTS if name not in inputs]
    if missing:
        raise ValueError(f"missing input {missing[0]!r}: pass TEXT or --input {missing[0]}=...")
    return inputs


def build_inputs(text: str | None, pairs: list[str]) -> dict[str, str]:
    """Inputs from the command line: TEXT and --input name=value pairs."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, separator, value = pair.partition("=")
        if not separator or not name.strip():
            raise ValueError(f"--input expects name=value, got {pair!r}")
        values[name.strip()] = value
    return complete_inputs(text, values)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="run the agents once and print the result")
    run_parser.add_argument("text", nargs="?", help="text for the first input")
    run_parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE", help="set an input (repeatable)")
    run_parser.add_argument("--out", metavar="FILE", help="also write the result to FILE")
    run_parser.add_argument("--events", action="store_true", help="emit live run events as JSON lines on stdout (or to AGENT_EVENTS_FILE); the result then goes to stderr")
    serve_parser = commands.add_parser("serve", help="serve the agents over HTTP: OpenAI chat completions, A2A, MCP and /health")
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0 in a container)")
    serve_parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000, 0 picks a free one)")
    return parser.parse_args(argv)


def run_once(arguments: argparse.Namespace) -> str:
    """Runs the agents once; with events on, the run is wrapped in run-start ... run-end lines."""
    inputs = build_inputs(arguments.text, arguments.input)
    if not (arguments.events or events.requested()):
        from .main import run

        result = run(inputs)
        print(result)
        return result
    with events.jsonl_destination() as (sink, on_stdout):
        from .main import run

        result = events.traced_run(run, inputs, [sink])
    print(result, file=sys.stderr if on_stdout else sys.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        if arguments.command == "serve":
            from .serve import serve

            return serve(arguments.host, arguments.port, complete_inputs)
        result = run_once(arguments)
        target = arguments.out or OUTPUT_FILE
        if target:
            Path(target).write_text(result if result.endswith("\n") else result + "\n", encoding="utf-8")
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1
    except Exception as error:  # one readable line instead of a traceback
        message = " ".join(str(error).split()) or type(error).__name__
        print(f"error: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
