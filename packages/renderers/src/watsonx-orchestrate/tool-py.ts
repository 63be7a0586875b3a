// tools/<tool_id>.py: an Orchestrate Python tool. It wraps the shared implementation (kept in the
// package under tools/<pkg>/tools/) with the ADK's tool decorator; permission follows side effects.
import type { ToolId } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import { toolEntry } from '../shared/tool-catalog';

export function toolPy(id: ToolId, pkg: string): string {
  const permission = toolEntry(id).sideEffects ? 'READ_WRITE' : 'READ_ONLY';
  return `"""The ${id} tool for watsonx Orchestrate: the shared implementation under the ADK's tool decorator.

Import with: orchestrate tools import -k python -f tools/${id}.py -r requirements.txt -p tools
"""

from ibm_watsonx_orchestrate.agent_builder.tools import ToolPermission, tool

from ${pkg}.tools.${id} import ${id} as implementation

# The ADK reads the name, input schema and description from the implementation's signature and docstring.
${id} = tool(implementation, name=${pyString(id)}, permission=ToolPermission.${permission})
`;
}
