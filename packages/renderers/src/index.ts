// Public surface of @agent-generator/renderers: the registry and the one render entry point.
export { renderers } from './registry';
export { renderProject, type RenderedProject } from './render-project';
