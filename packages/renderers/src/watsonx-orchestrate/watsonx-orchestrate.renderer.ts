// The watsonx Orchestrate renderer: agent YAML and Python tools for IBM's ADK, an import script in
// dependency order, offline tests with the ADK's own loaders, and a Docker image that imports them.
// Not a runnable Python package, so it composes the shared tool files itself instead of using
// renderPythonProject.
import type { FileTree, GeneratedFile, ProjectSpec, Renderer } from '@agent-generator/contracts';
import { frameworkById } from '@agent-generator/core';
import { buildFileTree } from '../shared/file-tree';
import { projectContext } from '../shared/python/project-context';
import { testToolsPy } from '../shared/python/test-tools-py';
import { agentYaml } from './agent-yaml';
import { importSh } from './import-sh';
import { modelYaml } from './model-yaml';
import { gatewayProvider, llmName } from './orchestrate-llm';
import { orchestrateAgents } from './orchestrate-plan';
import { orchestrateReadme } from './orchestrate-readme';
import { dockerfile, dockerignore, envExample, pyprojectToml, requirementsDev } from './project-files';
import { testAgentsPy } from './test-agents-py';
import { toolFiles, toolRequirements } from './tool-files';

function assertSupported(spec: ProjectSpec): void {
  if (frameworkById('watsonx-orchestrate').patterns[spec.pattern] === 'unsupported') {
    throw new Error(`watsonx Orchestrate projects do not support the ${spec.pattern} pattern; choose supervisor, react or sequential`);
  }
}

function render(spec: ProjectSpec): FileTree {
  assertSupported(spec);
  const context = projectContext(spec);
  const provider = gatewayProvider(spec);
  const llm = llmName(spec);
  const agents = orchestrateAgents(spec);
  const files: GeneratedFile[] = [
    ...agents.map((agent) => ({ path: `agents/${agent.id}.yaml`, content: agentYaml(agent, llm) })),
    ...(provider ? [{ path: 'models/llm.yaml', content: modelYaml(spec, provider) }] : []),
    ...toolFiles(context),
    { path: 'requirements.txt', content: toolRequirements(context) },
    { path: 'requirements-dev.txt', content: requirementsDev(context) },
    { path: 'import.sh', content: importSh(spec, { agents, provider }), executable: true },
    { path: 'pyproject.toml', content: pyprojectToml(context) },
    { path: 'tests/test_agents.py', content: testAgentsPy(spec, { agents, llm, gateway: provider !== undefined }) },
    { path: 'tests/test_tools.py', content: testToolsPy(context) },
    { path: 'README.md', content: orchestrateReadme(spec, { agents, llm, provider }) },
    { path: '.env.example', content: envExample(context, provider) },
    { path: 'Dockerfile', content: dockerfile(context, provider !== undefined) },
    { path: '.dockerignore', content: dockerignore() },
  ];
  return buildFileTree([files]);
}

export const watsonxOrchestrateRenderer: Renderer = {
  framework: 'watsonx-orchestrate',
  version: '1.0.0',
  render,
};
