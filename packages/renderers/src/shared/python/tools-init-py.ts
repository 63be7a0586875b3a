// src/<pkg>/tools/__init__.py: imports the spec's tools and lists them in TOOLS by id; in projects
// with events.py each tool is wrapped so that every call emits tool-call-start/end during a run.
import type { ProjectContext } from './project-context';

export interface ToolsInitOptions {
  /** Wrap each tool with `events.instrument_tool` (needs `src/<pkg>/events.py`). */
  readonly instrumented?: boolean;
}

export function toolsInitPy(context: ProjectContext, options: ToolsInitOptions = {}): string {
  const ids = context.tools.map((tool) => tool.id);
  const imports = ids.map((id) => `from .${id} import ${id}`).join('\n');
  const instrumented = options.instrumented === true;
  const entries = ids.map((id) => (instrumented ? `    "${id}": instrument_tool("${id}", ${id}),` : `    "${id}": ${id},`)).join('\n');
  const eventsImport = instrumented && ids.length > 0 ? '\nfrom ..events import instrument_tool\n' : '';
  const doc = instrumented
    ? 'The tools this project\'s agents may call: plain functions that take typed arguments and return text.\n\nTOOLS holds them wrapped by events.instrument_tool, which emits tool-call events during a run\nwith events switched on and is a plain call otherwise; signature and docstring stay the same.\n'
    : "The tools this project's agents may call: plain functions that take typed arguments and return text.";
  return `"""${doc}"""

from __future__ import annotations

from collections.abc import Callable
${eventsImport}${imports === '' ? '' : `\n${imports}\n`}
TOOLS: dict[str, Callable[..., str]] = {${entries === '' ? '' : `\n${entries}\n`}}

__all__ = ["TOOLS"${ids.map((id) => `, "${id}"`).join('')}]
`;
}
