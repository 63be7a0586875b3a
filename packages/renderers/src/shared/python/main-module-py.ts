// src/<pkg>/__main__.py: the `python -m <pkg> run [TEXT] [--input name=value] [--out FILE]` command.
import { pyString } from '../escape';
import type { ProjectContext } from './project-context';

function inputDefaults(context: ProjectContext): string {
  const entries = context.spec.inputs.map((input) => `    ${pyString(input.name)}: ${input.default === undefined ? 'None' : pyString(input.default)},`);
  return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n}`;
}

export function mainModulePy(context: ProjectContext): string {
  const outputFile = context.spec.output.file;
  return `"""Command line: python -m ${context.packageName} run [TEXT] [--input name=value ...] [--out FILE]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Spec inputs in order with their defaults (None: the input must be given).
INPUTS: dict[str, str | None] = ${inputDefaults(context)}
OUTPUT_FILE: str | None = ${outputFile === undefined ? 'None' : pyString(outputFile)}


def build_inputs(text: str | None, pairs: list[str]) -> dict[str, str]:
    """TEXT goes to the first input (or "input"), --input pairs override, defaults fill the rest."""
    inputs: dict[str, str] = {name: value for name, value in INPUTS.items() if value is not None}
    if text is not None:
        inputs[next(iter(INPUTS), "input")] = text
    for pair in pairs:
        name, separator, value = pair.partition("=")
        if not separator or not name.strip():
            raise ValueError(f"--input expects name=value, got {pair!r}")
        inputs[name.strip()] = value
    missing = [name for name in INPUTS if name not in inputs]
    if missing:
        raise ValueError(f"missing input {missing[0]!r}: pass TEXT or --input {missing[0]}=...")
    return inputs


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ${context.packageName}", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="run the agents once and print the result")
    run_parser.add_argument("text", nargs="?", help="text for the first input")
    run_parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE", help="set an input (repeatable)")
    run_parser.add_argument("--out", metavar="FILE", help="also write the result to FILE")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        inputs = build_inputs(arguments.text, arguments.input)
        from .main import run

        result = run(inputs)
        print(result)
        target = arguments.out or OUTPUT_FILE
        if target:
            Path(target).write_text(result if result.endswith("\\n") else result + "\\n", encoding="utf-8")
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
`;
}
