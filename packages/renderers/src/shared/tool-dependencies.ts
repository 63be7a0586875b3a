// The extra requirements and helper modules the spec's tools need.
import type { PythonTool, PythonToolHelper } from './python/tools/python-tool';

/** Requirements of the tools, deduplicated, in first-use order. */
export function toolDependencies(tools: ReadonlyArray<PythonTool>): string[] {
  return [...new Set(tools.flatMap((tool) => tool.dependencies))];
}

export function toolHelpers(tools: ReadonlyArray<PythonTool>): PythonToolHelper[] {
  return [...new Set(tools.flatMap((tool) => tool.helpers))].sort();
}
