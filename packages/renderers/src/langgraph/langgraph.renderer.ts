// The LangGraph renderer: a ProjectSpec becomes a Python project built on a LangGraph StateGraph.
import type { GeneratedFile, PatternId, ProjectSpec, Renderer } from '@agent-generator/contracts';
import { frameworkById } from '@agent-generator/core';
import { packageName as packageNameOf } from '../shared/escape';
import { renderPythonProject } from '../shared/python-project';
import { agentLoopPy } from './agent-loop-py';
import { agentToolsPy } from './agent-tools-py';
import { agentsPy } from './agents-py';
import { eventHooksPy } from './event-hooks-py';
import { groupChatGraphPy } from './group-chat-graph-py';
import { langgraphJson } from './langgraph-json';
import { langgraphLayout, langgraphOverview } from './langgraph-readme';
import { langgraphTestPy } from './langgraph-test-py';
import { langgraphDependencies, llmPy } from './llm-py';
import { mainPy } from './main-py';
import { reactGraphPy } from './react-graph-py';
import { supervisorGraphPy } from './supervisor-graph-py';
import { taskGraphPy } from './task-graph-py';
import { tasksPy } from './tasks-py';

function graphPy(spec: ProjectSpec, packageName: string): string {
  const pattern: PatternId = spec.pattern;
  switch (pattern) {
    case 'sequential':
    case 'graph':
      return taskGraphPy(spec, { packageName, pattern });
    case 'supervisor': return supervisorGraphPy(spec, packageName);
    case 'react': return reactGraphPy(spec, packageName);
    case 'group-chat': return groupChatGraphPy(spec, packageName);
  }
}

function assertSupported(spec: ProjectSpec): void {
  const support = frameworkById('langgraph').patterns[spec.pattern];
  if (support === 'unsupported') {
    throw new Error(`the langgraph renderer cannot build the "${spec.pattern}" pattern; choose sequential, supervisor, react, graph or group-chat`);
  }
}

function frameworkFiles(spec: ProjectSpec, packageName: string): GeneratedFile[] {
  const source = `src/${packageName}`;
  return [
    { path: 'langgraph.json', content: langgraphJson(packageName) },
    { path: `${source}/main.py`, content: mainPy(packageName) },
    { path: `${source}/graph.py`, content: graphPy(spec, packageName) },
    { path: `${source}/agent_loop.py`, content: agentLoopPy(packageName) },
    { path: `${source}/agents.py`, content: agentsPy(spec, packageName) },
    { path: `${source}/tasks.py`, content: tasksPy(spec) },
    { path: `${source}/agent_tools.py`, content: agentToolsPy(packageName) },
    { path: `${source}/event_hooks.py`, content: eventHooksPy(packageName) },
    { path: `${source}/llm.py`, content: llmPy(spec.model.provider, packageName) },
    { path: 'tests/test_langgraph.py', content: langgraphTestPy(spec, { packageName, pattern: spec.pattern }) },
  ];
}

export const langgraphRenderer: Renderer = {
  framework: 'langgraph',
  version: '1.0.0',
  render(spec) {
    if (spec.framework !== 'langgraph') throw new Error(`the langgraph renderer cannot render a "${spec.framework}" spec`);
    assertSupported(spec);
    const packageName = packageNameOf(spec.slug);
    return renderPythonProject({
      spec,
      frameworkLabel: 'LangGraph',
      dependencies: langgraphDependencies(spec.model.provider),
      files: frameworkFiles(spec, packageName),
      readme: { overview: langgraphOverview(spec), layout: langgraphLayout(packageName) },
    });
  },
};
