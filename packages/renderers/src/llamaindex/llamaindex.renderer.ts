// The LlamaIndex renderer: a Python project on llama-index-core's agent workflows for every pattern
// the catalog marks native or adapter (sequential, graph, react, supervisor).
import type { PatternId, ProjectSpec, Renderer } from '@agent-generator/contracts';
import { frameworkById } from '@agent-generator/core';
import { packageName } from '../shared/escape';
import { renderPythonProject } from '../shared/python-project';
import { agentsPy } from './agents-py';
import { hooksPy } from './hooks-py';
import { llamaindexDependencies } from './llamaindex-dependencies';
import { llamaindexLayout, llamaindexOverview } from './llamaindex-readme';
import { llmPy } from './llm-py';
import { mainPy } from './main-py';
import { promptsPy } from './prompts-py';
import { teamPy } from './team-py';
import { testLlamaindexPy } from './test-llamaindex-py';
import { workflowPy } from './workflow-py';

function assertSupported(pattern: PatternId): void {
  const support = frameworkById('llamaindex').patterns[pattern];
  if (support === 'unsupported') {
    throw new Error(`LlamaIndex projects do not support the ${pattern} pattern; choose sequential, graph, react or supervisor`);
  }
}

function orchestrationFile(spec: ProjectSpec, source: string): { path: string; content: string } {
  if (spec.pattern === 'supervisor') return { path: `${source}/team.py`, content: teamPy(spec) };
  return { path: `${source}/workflow.py`, content: workflowPy(spec, spec.pattern === 'graph' ? 'graph' : 'sequential') };
}

export const llamaindexRenderer: Renderer = {
  framework: 'llamaindex',
  version: '1.0.0',
  render(spec) {
    assertSupported(spec.pattern);
    const source = `src/${packageName(spec.slug)}`;
    return renderPythonProject({
      spec,
      frameworkLabel: 'LlamaIndex',
      dependencies: llamaindexDependencies(spec.model.provider),
      files: [
        { path: `${source}/main.py`, content: mainPy(spec) },
        { path: `${source}/llm.py`, content: llmPy(spec.model.provider) },
        { path: `${source}/prompts.py`, content: promptsPy(spec) },
        { path: `${source}/agents.py`, content: agentsPy(spec.pattern === 'react' ? 'ReActAgent' : 'FunctionAgent') },
        { path: `${source}/hooks.py`, content: hooksPy() },
        orchestrationFile(spec, source),
        { path: 'tests/test_llamaindex.py', content: testLlamaindexPy(spec) },
      ],
      readme: { overview: llamaindexOverview(spec), layout: llamaindexLayout(spec) },
    });
  },
};
