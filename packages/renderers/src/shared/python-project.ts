// The shared part of every Python framework project: renderers pass their framework files and
// this adds README, pyproject, settings, CLI, events, serve mode, tools, fake model server and tests.
import type { FileTree, GeneratedFile, ProjectSpec } from '@agent-generator/contracts';
import { renderDockerfile, renderDockerignore } from './dockerfile';
import { renderEnvExample } from './env-example';
import { buildFileTree } from './file-tree';
import { renderPyproject } from './pyproject';
import { conftestPy } from './python/conftest-py';
import { eventsPy } from './python/events-py';
import { fakeLlmPy } from './python/fake-llm-py';
import { initPy } from './python/init-py';
import { mainModulePy } from './python/main-module-py';
import type { ProjectContext } from './python/project-context';
import { projectContext } from './python/project-context';
import { serviceFiles } from './python/service-files';
import { settingsPy } from './python/settings-py';
import { testToolsPy } from './python/test-tools-py';
import { httpHelperPy } from './python/tools/http-helper-py';
import { workspaceHelperPy } from './python/tools/workspace-helper-py';
import { toolsInitPy } from './python/tools-init-py';
import { docstringText } from './docstring';
import { renderReadme } from './readme';
import { toolEntry } from './tool-catalog';
import { toolHelpers } from './tool-dependencies';

export interface PythonProjectParts {
  readonly spec: ProjectSpec;
  /** Display name of the framework, e.g. 'CrewAI'. */
  readonly frameworkLabel: string;
  /** Runtime requirements (pinned ranges) incl. the provider package for spec.model.provider. */
  readonly dependencies: ReadonlyArray<string>;
  /** Framework files: src/<pkg>/main.py, tests/test_<framework>.py, … */
  readonly files: FileTree;
  readonly readme: {
    /** Markdown written by the renderer; user text only via escape.ts. */
    readonly overview: string;
    readonly layout: ReadonlyArray<{ readonly path: string; readonly purpose: string }>;
  };
}

function toolFiles(context: ProjectContext): GeneratedFile[] {
  const root = `src/${context.packageName}/tools`;
  const helpers = toolHelpers(context.tools).map((helper) => ({
    path: `${root}/_${helper}.py`,
    content: helper === 'http' ? httpHelperPy() : workspaceHelperPy(),
  }));
  const tools = context.tools.map((tool) => ({ path: `${root}/${tool.id}.py`, content: tool.source(docstringText(toolEntry(tool.id).description)) }));
  return [{ path: `${root}/__init__.py`, content: toolsInitPy(context, { instrumented: true }) }, ...helpers, ...tools];
}

function sharedFiles(context: ProjectContext, parts: PythonProjectParts): GeneratedFile[] {
  const source = `src/${context.packageName}`;
  return [
    { path: 'README.md', content: renderReadme(context, parts) },
    { path: 'pyproject.toml', content: renderPyproject(context, parts.dependencies) },
    { path: '.env.example', content: renderEnvExample(context) },
    { path: 'Dockerfile', content: renderDockerfile(context) },
    { path: '.dockerignore', content: renderDockerignore() },
    { path: `${source}/__init__.py`, content: initPy(context) },
    { path: `${source}/__main__.py`, content: mainModulePy(context) },
    { path: `${source}/settings.py`, content: settingsPy(context) },
    { path: `${source}/events.py`, content: eventsPy(context) },
    ...serviceFiles(context),
    ...toolFiles(context),
    { path: 'tests/conftest.py', content: conftestPy(context) },
    { path: 'tests/fake_llm.py', content: fakeLlmPy(context) },
    { path: 'tests/test_tools.py', content: testToolsPy(context) },
  ];
}

/** Adds every shared file to the framework's files, sorts by path, refuses duplicate or unsafe paths. */
export function renderPythonProject(parts: PythonProjectParts): FileTree {
  const context = projectContext(parts.spec);
  return buildFileTree([sharedFiles(context, parts), parts.files]);
}
