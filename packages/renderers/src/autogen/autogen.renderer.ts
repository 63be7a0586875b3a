// The AutoGen renderer: a ProjectSpec becomes an AgentChat project (AssistantAgents with
// FunctionTools in the team the pattern calls for) that runs on the real autogen packages.
import type { ProjectSpec, Renderer } from '@agent-generator/contracts';
import { frameworkById } from '@agent-generator/core';
import { packageName } from '../shared/escape';
import { renderPythonProject } from '../shared/python-project';
import { agentsPy } from './agents-py';
import { eventHooksPy } from './event-hooks-py';
import { autogenDependencies } from './autogen-dependencies';
import { AUTOGEN_PATTERNS } from './autogen-patterns';
import { autogenReadme } from './autogen-readme';
import { mainPy } from './main-py';
import { modelPy } from './model-py';
import { assertRenderable } from '../shared/pattern-support';
import { promptsPy } from '../shared/python/prompts-py';
import { testAutogenPy } from './test-autogen-py';

function render(spec: ProjectSpec) {
  assertRenderable(spec, frameworkById('autogen'));
  const pattern = AUTOGEN_PATTERNS[spec.pattern];
  const name = packageName(spec.slug);
  const source = `src/${name}`;
  return renderPythonProject({
    spec,
    frameworkLabel: 'AutoGen',
    dependencies: autogenDependencies(spec.model.provider),
    files: [
      { path: `${source}/main.py`, content: mainPy() },
      { path: `${source}/team.py`, content: pattern.team },
      { path: `${source}/agents.py`, content: agentsPy() },
      { path: `${source}/event_hooks.py`, content: eventHooksPy() },
      { path: `${source}/model.py`, content: modelPy() },
      { path: `${source}/prompts.py`, content: promptsPy(spec) },
      { path: 'tests/test_autogen.py', content: testAutogenPy({ spec, packageName: name, pattern }) },
    ],
    readme: autogenReadme(spec, pattern),
  });
}

export const autogenRenderer: Renderer = { framework: 'autogen', version: '1.0.0', render };
