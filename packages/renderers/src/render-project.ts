// Renders a validated spec with its framework's renderer and adds the spec file every project carries.
import type { FileTree, ProjectSpec } from '@agent-generator/contracts';
import { projectManifest } from './project-manifest';
import { renderers } from './registry';
import { buildFileTree } from './shared/file-tree';

export interface RenderedProject {
  readonly files: FileTree;
  readonly rendererVersion: string;
}

export function renderProject(spec: ProjectSpec): RenderedProject {
  const renderer = renderers[spec.framework];
  return { files: buildFileTree([renderer.render(spec), [projectManifest(spec)]]), rendererVersion: `${renderer.framework}@${renderer.version}` };
}
