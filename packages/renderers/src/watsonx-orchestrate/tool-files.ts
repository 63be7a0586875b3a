// The tool files of an Orchestrate project: the ADK tool wrappers in tools/ (the package root that
// `orchestrate tools import -p tools` uploads) and the shared implementations in tools/<pkg>/tools/.
import type { GeneratedFile } from '@agent-generator/contracts';
import { docstringText } from '../shared/docstring';
import type { ProjectContext } from '../shared/python/project-context';
import { httpHelperPy } from '../shared/python/tools/http-helper-py';
import { workspaceHelperPy } from '../shared/python/tools/workspace-helper-py';
import { toolsInitPy } from '../shared/python/tools-init-py';
import { toolEntry } from '../shared/tool-catalog';
import { toolDependencies, toolHelpers } from '../shared/tool-dependencies';
import { toolPy } from './tool-py';

const ADK_REQUIREMENT = 'ibm-watsonx-orchestrate>=2.19,<3';

export function toolFiles(context: ProjectContext): GeneratedFile[] {
  const pkg = context.packageName;
  const root = `tools/${pkg}/tools`;
  const helpers = toolHelpers(context.tools).map((helper) => ({
    path: `${root}/_${helper}.py`,
    content: helper === 'http' ? httpHelperPy() : workspaceHelperPy(),
  }));
  const implementations = context.tools.map((tool) => ({ path: `${root}/${tool.id}.py`, content: tool.source(docstringText(toolEntry(tool.id).description)) }));
  const wrappers = context.tools.map((tool) => ({ path: `tools/${tool.id}.py`, content: toolPy(tool.id, pkg) }));
  return [
    { path: `tools/${pkg}/__init__.py`, content: `"""The shared tool implementations of this project, imported by the Orchestrate tools in tools/."""\n` },
    { path: `${root}/__init__.py`, content: toolsInitPy(context) },
    ...helpers,
    ...implementations,
    ...wrappers,
  ];
}

/** requirements.txt for the tools: what they need at run time in Orchestrate (the ADK adds itself). */
export function toolRequirements(context: ProjectContext): string {
  const lines = toolDependencies(context.tools);
  return `# Python requirements of this project's tools, installed by Orchestrate with each tool.\n${lines.map((line) => `${line}\n`).join('')}`;
}

/** Everything the offline tests need: the ADK itself, pytest and the tools' requirements. */
export function developmentRequirements(context: ProjectContext): ReadonlyArray<string> {
  return [ADK_REQUIREMENT, ...toolDependencies(context.tools)];
}
