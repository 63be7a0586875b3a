// The Strands renderer: a ProjectSpec becomes a Strands Agents project (Agents with @tool wrappers,
// composed as the pattern calls for) that runs on the real strands-agents package.
import type { ProjectSpec, Renderer } from '@agent-generator/contracts';
import { frameworkById } from '@agent-generator/core';
import { packageName } from '../shared/escape';
import { renderPythonProject } from '../shared/python-project';
import { agentsPy } from './agents-py';
import { eventHooksPy } from './event-hooks-py';
import { mainPy } from './main-py';
import { modelPy } from './model-py';
import { assertRenderable } from '../shared/pattern-support';
import { promptsPy } from '../shared/python/prompts-py';
import { strandsDependencies } from './strands-dependencies';
import { STRANDS_PATTERNS } from './strands-patterns';
import { strandsReadme } from './strands-readme';
import { testStrandsPy } from './test-strands-py';

function render(spec: ProjectSpec) {
  assertRenderable(spec, frameworkById('strands'));
  const pattern = STRANDS_PATTERNS[spec.pattern];
  const name = packageName(spec.slug);
  const source = `src/${name}`;
  return renderPythonProject({
    spec,
    frameworkLabel: 'Strands Agents',
    dependencies: strandsDependencies(spec.model.provider),
    files: [
      { path: `${source}/main.py`, content: mainPy() },
      { path: `${source}/team.py`, content: pattern.team },
      { path: `${source}/agents.py`, content: agentsPy() },
      { path: `${source}/event_hooks.py`, content: eventHooksPy() },
      { path: `${source}/model.py`, content: modelPy() },
      { path: `${source}/prompts.py`, content: promptsPy(spec) },
      { path: 'tests/test_strands.py', content: testStrandsPy({ spec, packageName: name, pattern }) },
    ],
    readme: strandsReadme(spec, pattern),
  });
}

export const strandsRenderer: Renderer = { framework: 'strands', version: '1.0.0', render };
