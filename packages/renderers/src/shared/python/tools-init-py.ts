// src/<pkg>/tools/__init__.py: imports the spec's tools and lists them in TOOLS by id.
import type { ProjectContext } from './project-context';

export function toolsInitPy(context: ProjectContext): string {
  const ids = context.tools.map((tool) => tool.id);
  const imports = ids.map((id) => `from .${id} import ${id}`).join('\n');
  const entries = ids.map((id) => `    "${id}": ${id},`).join('\n');
  return `"""The tools this project's agents may call: plain functions that take typed arguments and return text."""

from __future__ import annotations

from collections.abc import Callable
${imports === '' ? '' : `\n${imports}\n`}
TOOLS: dict[str, Callable[..., str]] = {${entries === '' ? '' : `\n${entries}\n`}}

__all__ = ["TOOLS"${ids.map((id) => `, "${id}"`).join('')}]
`;
}
