// Renders a validated spec with its framework's renderer.
import type { FileTree, ProjectSpec } from '@agent-generator/contracts';
import { renderers } from './registry';

export interface RenderedProject {
  readonly files: FileTree;
  readonly rendererVersion: string;
}

export function renderProject(spec: ProjectSpec): RenderedProject {
  const renderer = renderers[spec.framework];
  return { files: renderer.render(spec), rendererVersion: `${renderer.framework}@${renderer.version}` };
}
