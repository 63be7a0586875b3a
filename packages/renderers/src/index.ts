// Public surface of @agent-generator/renderers: the registry, the one render entry point and where a
// generated project keeps its spec.
export { renderers } from './registry';
export { renderProject, type RenderedProject } from './render-project';
export { PROJECT_MANIFEST_PATH } from './project-manifest';
