// The CrewAI renderer: a spec becomes a CrewAI project (crew.py, config/*.yaml, main.py, tests).
import type { FileTree, ProjectSpec, Renderer } from '@agent-generator/contracts';
import { packageName } from '../shared/escape';
import { renderPythonProject } from '../shared/python-project';
import { agentsYaml } from './agents-yaml';
import { crewaiDependencies } from './crewai-dependencies';
import { crewaiEventsPy } from './crewai-events-py';
import { crewaiReadme } from './crewai-readme';
import { crewaiToolsPy } from './crewai-tools-py';
import { crewPlan } from './crew-plan';
import { crewPy } from './crew-py';
import { crewTestsPy } from './crew-tests-py';
import { llmPy } from './llm-py';
import { crewMainPy } from './main-py';
import { supportedPattern } from './supported-pattern';
import { tasksYaml } from './tasks-yaml';

function render(spec: ProjectSpec): FileTree {
  const pattern = supportedPattern(spec, 'crewai', ['sequential', 'supervisor', 'react'] as const);
  const plan = crewPlan(spec, pattern);
  const pkg = packageName(spec.slug);
  const source = `src/${pkg}`;
  return renderPythonProject({
    spec,
    frameworkLabel: 'CrewAI',
    dependencies: crewaiDependencies(spec.model.provider),
    files: [
      { path: `${source}/main.py`, content: crewMainPy(spec, plan, pkg) },
      { path: `${source}/crew.py`, content: crewPy(plan, pkg) },
      { path: `${source}/config/agents.yaml`, content: agentsYaml(spec, plan.names.agent) },
      { path: `${source}/config/tasks.yaml`, content: tasksYaml(spec, plan.tasks) },
      { path: `${source}/llm.py`, content: llmPy() },
      { path: `${source}/crewai_events.py`, content: crewaiEventsPy() },
      { path: `${source}/tools/crewai_tools.py`, content: crewaiToolsPy() },
      { path: 'tests/test_crewai.py', content: crewTestsPy({ spec, plan, packageName: pkg }) },
    ],
    readme: crewaiReadme(spec, plan, pkg),
  });
}

export const crewaiRenderer: Renderer = { framework: 'crewai', version: '1.0.0', render };
