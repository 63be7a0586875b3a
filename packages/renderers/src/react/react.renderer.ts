// The ReAct renderer: a ProjectSpec becomes a dependency-light Python project whose agents run a
// Reason → Act → Observe loop on the official OpenAI SDK.
import type { GeneratedFile, ProjectSpec, Renderer } from '@agent-generator/contracts';
import { frameworkById } from '@agent-generator/core';
import { packageName as packageNameOf } from '../shared/escape';
import { renderPythonProject } from '../shared/python-project';
import { agentPy } from './agent-py';
import { clientPy, reactDependencies } from './client-py';
import { mainPy } from './main-py';
import { reactLayout, reactOverview } from './react-readme';
import { reactTestPy } from './react-test-py';
import { teamPy } from './team-py';
import { toolSchemasPy } from './tool-schemas-py';

type ReactPattern = 'react' | 'sequential';

/** The patterns the catalog allows for ReAct; anything else is refused with the alternatives. */
function supportedPattern(spec: ProjectSpec): ReactPattern {
  const { pattern } = spec;
  if ((pattern === 'react' || pattern === 'sequential') && frameworkById('react').patterns[pattern] !== 'unsupported') return pattern;
  throw new Error(`the react renderer cannot build the "${pattern}" pattern: a bare ReAct loop has no supervisor, graph or group chat; choose react or sequential, or another framework`);
}

function frameworkFiles(spec: ProjectSpec, options: { packageName: string; pattern: ReactPattern }): GeneratedFile[] {
  const source = `src/${options.packageName}`;
  return [
    { path: `${source}/main.py`, content: mainPy(spec, options) },
    { path: `${source}/agent.py`, content: agentPy(options.packageName) },
    { path: `${source}/tool_schemas.py`, content: toolSchemasPy(options.packageName) },
    { path: `${source}/team.py`, content: teamPy(spec) },
    { path: `${source}/client.py`, content: clientPy(options.packageName) },
    { path: 'tests/test_react.py', content: reactTestPy(spec, options) },
  ];
}

export const reactRenderer: Renderer = {
  framework: 'react',
  version: '1.0.0',
  render(spec) {
    if (spec.framework !== 'react') throw new Error(`the react renderer cannot render a "${spec.framework}" spec`);
    const pattern = supportedPattern(spec);
    const packageName = packageNameOf(spec.slug);
    return renderPythonProject({
      spec,
      frameworkLabel: 'ReAct',
      dependencies: reactDependencies(spec.model.provider),
      files: frameworkFiles(spec, { packageName, pattern }),
      readme: { overview: reactOverview(spec, pattern), layout: reactLayout(packageName) },
    });
  },
};
