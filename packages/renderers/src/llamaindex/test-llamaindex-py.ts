// tests/test_llamaindex.py: runs main.run against the FakeLLM and checks what the pattern promises:
// the order of tasks or hand-offs, that a real tool result went back to the model, a final output.
import type { ProjectSpec } from '@agent-generator/contracts';
import { packageName, pyString } from '../shared/escape';
import { providerTestPy } from './provider-test-py';
import { TASK_HELPERS, TOOL_HELPERS } from './test-helpers-py';
import { liveEventTests } from './test-live-events-py';
import { reactTests, supervisorTests, workflowTests } from './test-patterns-py';

interface PatternTests {
  readonly thirdParty: ReadonlyArray<string>;
  readonly fakeLlm: ReadonlyArray<string>;
  readonly project: ReadonlyArray<string>;
  readonly tests: ReadonlyArray<string>;
}

function inputsLiteral(spec: ProjectSpec): string {
  const entries = spec.inputs.map((input) => `${pyString(input.name)}: ${pyString(input.default ?? `test ${input.name}`)}`);
  return `{${entries.length > 0 ? entries.join(', ') : '"input": "hello"'}}`;
}

/** True when some task is done by an agent that has tools, so a tool call can be checked. */
function usesTools(spec: ProjectSpec): boolean {
  const withTools = new Set(spec.agents.filter((agent) => agent.tools.length > 0).map((agent) => agent.id));
  return spec.tasks.some((task) => withTools.has(task.agent));
}

function patternTests(spec: ProjectSpec): PatternTests {
  const pkg = packageName(spec.slug);
  const withTools = usesTools(spec);
  switch (spec.pattern) {
    case 'supervisor':
      return {
        thirdParty: [],
        fakeLlm: ['offered_tools', 'tool_arguments'],
        project: [`from ${pkg}.prompts import AGENTS, TASKS`, `from ${pkg}.team import SUPERVISOR, supervisor_prompt, worker_prompt`],
        tests: [...supervisorTests(withTools), ...liveEventTests('supervisor', withTools)],
      };
    case 'react':
      return {
        thirdParty: withTools ? ['from llama_index.core.tools import FunctionTool'] : [],
        fakeLlm: withTools ? ['tool_arguments'] : [],
        project: [`from ${pkg}.prompts import AGENTS, TASKS`],
        tests: [TASK_HELPERS, ...reactTests(withTools), ...liveEventTests('react', withTools)],
      };
    case 'sequential':
    case 'graph':
      return {
        thirdParty: [],
        fakeLlm: [],
        project: [`from ${pkg}.prompts import AGENTS, TASKS`],
        tests: [TASK_HELPERS, ...workflowTests({ ordered: spec.pattern === 'sequential', withTools }), ...liveEventTests(spec.pattern, withTools)],
      };
    case 'group-chat':
      throw new Error('LlamaIndex projects do not support the group-chat pattern');
  }
}

export function testLlamaindexPy(spec: ProjectSpec): string {
  const pkg = packageName(spec.slug);
  const parts = patternTests(spec);
  const callable = spec.pattern === 'react' && usesTools(spec) ? ['from collections.abc import Callable'] : [];
  const standard = ['import json', ...(parts.tests.includes(TASK_HELPERS) ? ['import re'] : []), ...callable, 'from typing import Any'];
  const project = [`from fake_llm import ${['FakeLLM', ...parts.fakeLlm].join(', ')}`, `from ${pkg} import events`, `from ${pkg}.main import run`, `from ${pkg}.tools import TOOLS`, ...parts.project].sort();
  return `"""Runs the LlamaIndex agents against the FakeLLM and checks what the ${spec.pattern} pattern promises."""

from __future__ import annotations

${standard.join('\n')}

${['import pytest', ...parts.thirdParty].join('\n')}

${project.join('\n')}

# Spec inputs with their defaults: the values every test run uses.
INPUTS: dict[str, str] = ${inputsLiteral(spec)}

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


${[TOOL_HELPERS, ...parts.tests, providerTestPy(spec.model.provider, pkg)].map((block) => block.trim()).filter((block) => block !== '').join('\n\n\n')}
`;
}
