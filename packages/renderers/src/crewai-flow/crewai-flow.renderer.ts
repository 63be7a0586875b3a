// The CrewAI Flow renderer: a spec becomes a Flow project (flow.py with typed state, agents from YAML).
import type { FileTree, GeneratedFile, ProjectSpec, Renderer } from '@agent-generator/contracts';
import { packageName } from '../shared/escape';
import { renderPythonProject } from '../shared/python-project';
import { agentsYaml } from '../crewai/agents-yaml';
import { crewaiDependencies } from '../crewai/crewai-dependencies';
import { crewaiEventsPy } from '../crewai/crewai-events-py';
import { crewaiToolsPy } from '../crewai/crewai-tools-py';
import { llmPy } from '../crewai/llm-py';
import { supportedPattern } from '../crewai/supported-pattern';
import { tasksYaml } from '../crewai/tasks-yaml';
import { flowAgentsPy } from './flow-agents-py';
import { flowMainPy } from './flow-main-py';
import { flowReadme } from './flow-readme';
import { flowTestsPy } from './flow-tests-py';
import { reactFlowPy } from './react-flow-py';
import { reactPy } from './react-py';
import { supervisorFlowPy } from './supervisor-flow-py';
import { supervisorPy } from './supervisor-py';
import { taskFlowPy } from './task-flow-py';

type FlowPattern = 'sequential' | 'graph' | 'supervisor' | 'react';

function patternFiles(spec: ProjectSpec, pattern: FlowPattern, pkg: string): GeneratedFile[] {
  const source = `src/${pkg}`;
  switch (pattern) {
    case 'sequential':
    case 'graph':
      return [{ path: `${source}/flow.py`, content: taskFlowPy(spec, { packageName: pkg, pattern }) }];
    case 'supervisor':
      return [
        { path: `${source}/flow.py`, content: supervisorFlowPy(spec, pkg) },
        { path: `${source}/supervisor.py`, content: supervisorPy(spec) },
      ];
    case 'react':
      return [
        { path: `${source}/flow.py`, content: reactFlowPy(pkg) },
        { path: `${source}/react.py`, content: reactPy(spec) },
      ];
  }
}

function render(spec: ProjectSpec): FileTree {
  const pattern = supportedPattern(spec, 'crewai-flow', ['sequential', 'graph', 'supervisor', 'react'] as const);
  const pkg = packageName(spec.slug);
  const source = `src/${pkg}`;
  const tasks = spec.tasks.map((task) => ({ key: task.id, description: task.description, expectedOutput: task.expectedOutput, agent: task.agent, context: task.context }));
  return renderPythonProject({
    spec,
    frameworkLabel: 'CrewAI Flow',
    dependencies: crewaiDependencies(spec.model.provider),
    files: [
      ...patternFiles(spec, pattern, pkg),
      { path: `${source}/main.py`, content: flowMainPy(pkg, spec.tasks.map((task) => task.id)) },
      { path: `${source}/agents.py`, content: flowAgentsPy(spec) },
      { path: `${source}/config/agents.yaml`, content: agentsYaml(spec, (id) => id) },
      { path: `${source}/config/tasks.yaml`, content: tasksYaml(spec, tasks) },
      { path: `${source}/llm.py`, content: llmPy() },
      { path: `${source}/crewai_events.py`, content: crewaiEventsPy() },
      { path: `${source}/tools/crewai_tools.py`, content: crewaiToolsPy() },
      { path: 'tests/test_crewai_flow.py', content: flowTestsPy({ spec, pattern, packageName: pkg }) },
    ],
    readme: flowReadme(spec, pattern, pkg),
  });
}

export const crewaiFlowRenderer: Renderer = { framework: 'crewai-flow', version: '1.0.0', render };
