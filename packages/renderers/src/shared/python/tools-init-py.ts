// src/<pkg>/tools/__init__.py: imports the spec's tools and lists them in TOOLS by id; in projects
// with events.py each tool is wrapped so that every call emits tool-call-start/end during a run and
// follows the run's permission mode, with the catalog's side-effecting tools listed once.
import { toolEntry } from '../tool-catalog';
import type { ProjectContext } from './project-context';

export interface ToolsInitOptions {
  /** Wrap each tool with `events.instrument_tool` (needs `src/<pkg>/events.py`). */
  readonly instrumented?: boolean;
}

const PLAIN_DOC = "The tools this project's agents may call: plain functions that take typed arguments and return text.";
const INSTRUMENTED_DOC = `${PLAIN_DOC}

TOOLS holds them wrapped by events.instrument_tool: during a run with events switched on it emits
tool-call events and follows AGENT_ENABLED_TOOLS and AGENT_PERMISSION_MODE (Safe refuses the tools in
SIDE_EFFECT_TOOLS, Ask asks first); otherwise a plain call. Signature and docstring stay the same.
`;

function sideEffectTools(ids: ReadonlyArray<string>): string {
  const listed = ids.map((id) => `"${id}"`).join(', ');
  return `# The tools whose calls can change something outside the run (the catalog says so).
SIDE_EFFECT_TOOLS: frozenset[str] = frozenset(${listed === '' ? '' : `{${listed}}`})
`;
}

export function toolsInitPy(context: ProjectContext, options: ToolsInitOptions = {}): string {
  const ids = context.tools.map((tool) => tool.id);
  const imports = ids.map((id) => `from .${id} import ${id}`).join('\n');
  const instrumented = options.instrumented === true;
  const entries = ids.map((id) => (instrumented ? `    "${id}": instrument_tool("${id}", ${id}, side_effects="${id}" in SIDE_EFFECT_TOOLS),` : `    "${id}": ${id},`)).join('\n');
  const eventsImport = instrumented && ids.length > 0 ? '\nfrom ..events import instrument_tool\n' : '';
  const sideEffects = instrumented ? `\n${sideEffectTools(ids.filter((id) => toolEntry(id).sideEffects))}` : '';
  const exported = [...(instrumented ? ['SIDE_EFFECT_TOOLS'] : []), 'TOOLS', ...ids].map((name) => `"${name}"`).join(', ');
  return `"""${instrumented ? INSTRUMENTED_DOC : PLAIN_DOC}"""

from __future__ import annotations

from collections.abc import Callable
${eventsImport}${imports === '' ? '' : `\n${imports}\n`}${sideEffects}
TOOLS: dict[str, Callable[..., str]] = {${entries === '' ? '' : `\n${entries}\n`}}

__all__ = [${exported}]
`;
}
