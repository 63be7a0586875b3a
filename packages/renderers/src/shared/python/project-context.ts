// What every shared-file generator receives: the spec, its Python package name and its tools.
import type { ProjectSpec } from '@agent-generator/contracts';
import { packageName } from '../escape';
import type { PythonTool } from './tools/python-tool';
import { pythonTool } from './tools/registry';

export interface ProjectContext {
  readonly spec: ProjectSpec;
  /** `paper_digest` for the slug `paper-digest`. */
  readonly packageName: string;
  /** The spec's tools in spec order. */
  readonly tools: ReadonlyArray<PythonTool>;
}

export function projectContext(spec: ProjectSpec): ProjectContext {
  return { spec, packageName: packageName(spec.slug), tools: spec.tools.map((tool) => pythonTool(tool.id)) };
}
