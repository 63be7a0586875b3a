// src/<pkg>/main.py of a CrewAI project: run(inputs) kicks off the crew and returns its answer.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyClassName } from '../shared/escape';
import type { CrewPlan } from './crew-plan';
import { IMPLICIT_INPUT, literalPlaceholders } from './placeholders';
import { pyStringDict } from './python-literals';

export function crewMainPy(spec: ProjectSpec, plan: CrewPlan, packageName: string): string {
  const taskIds = pyStringDict(spec.tasks.map((task) => [plan.names.task(task.id), task.id] as const));
  const className = `${pyClassName(packageName)}Crew`;
  const literals = pyStringDict(literalPlaceholders(spec).map((name) => [name, `{${name}}`] as const));
  const defaults = spec.inputs.length === 0 ? `{${JSON.stringify(IMPLICIT_INPUT)}: "", ` : '{';
  return `"""Runs the crew once: \`python -m ${packageName} run "..."\` calls run(inputs)."""

from __future__ import annotations

from .settings import load_dotenv

load_dotenv()  # before crewai is imported, so CREWAI_* and OTEL_* settings in .env apply to it

from .crew import ${className}  # noqa: E402
from .crewai_events import recording  # noqa: E402

# CrewAI fills every {name} in config/*.yaml from the inputs and stops at a name it has no value
# for. These {name} texts are not inputs (JSON, templates...), so each one maps to itself.
LITERAL_PLACEHOLDERS: dict[str, str] = ${literals}
# The spec task id of each crew task, for live events (the ReAct adapter's one task keeps its name).
TASK_IDS: dict[str, str] = ${taskIds}


def run(inputs: dict[str, str]) -> str:
    """Kicks off the crew with the inputs and returns the final answer as text."""
    values = ${defaults}**inputs, **LITERAL_PLACEHOLDERS}
    with recording(TASK_IDS):  # live events, when the run records them
        result = ${className}().crew().kickoff(inputs=values)
    return result.raw
`;
}
