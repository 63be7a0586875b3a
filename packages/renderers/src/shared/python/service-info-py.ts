// src/<pkg>/service_info.py: what the served agent says about itself (A2A card, MCP tool, model
// list), derived from the spec: name, description, inputs and one skill per task.
import type { ProjectSpec, TaskSpec } from '@agent-generator/contracts';
import { pyString } from '../escape';
import type { ProjectContext } from './project-context';

function words(id: string): string {
  const text = id.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function skill(spec: ProjectSpec, task: TaskSpec): string {
  const agent = spec.agents.find((candidate) => candidate.id === task.agent);
  const tags = [task.agent, spec.framework, spec.pattern].map((tag) => pyString(tag)).join(', ');
  return [
    '    {',
    `        "id": ${pyString(task.id)},`,
    `        "name": ${pyString(words(task.id))},`,
    `        "description": ${pyString(`${task.description}\n\nExpected output: ${task.expectedOutput}`)},`,
    `        "tags": [${tags}],`,
    `        "agent": ${pyString(agent?.role ?? task.agent)},`,
    '    },',
  ].join('\n');
}

function input(name: string, description: string, fallback: string | undefined): string {
  return `    {"name": ${pyString(name)}, "description": ${pyString(description)}, "default": ${fallback === undefined ? 'None' : pyString(fallback)}},`;
}

export function serviceInfoPy(context: ProjectContext): string {
  const { spec } = context;
  const inputs = spec.inputs.length === 0 ? [input('input', 'What the agents should work on.', undefined)] : spec.inputs.map((entry) => input(entry.name, entry.description, entry.default));
  return `"""What the served agent says about itself: the A2A agent card, the MCP tool and the model id."""

from __future__ import annotations

from typing import Any

SLUG = ${pyString(spec.slug)}
NAME = ${pyString(spec.name)}
DESCRIPTION = ${pyString(spec.idea.trim() === '' ? spec.name : spec.idea)}
VERSION = "0.1.0"
FRAMEWORK = ${pyString(spec.framework)}
PATTERN = ${pyString(spec.pattern)}

# The run inputs in order; TEXT from a chat message or A2A text part fills the first one.
INPUTS: list[dict[str, Any]] = [
${inputs.join('\n')}
]

# One skill per task of the spec, in order.
SKILLS: list[dict[str, Any]] = [
${spec.tasks.map((task) => skill(spec, task)).join('\n')}
]
`;
}
