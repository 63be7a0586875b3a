// src/<pkg>/main.py: `run(inputs) -> str`, the synchronous entry point around the async LlamaIndex run.
import type { PatternId, ProjectSpec } from '@agent-generator/contracts';
import { workflowClassName } from './workflow-py';

function body(spec: ProjectSpec, pattern: PatternId): { imports: ReadonlyArray<string>; code: string } {
  if (pattern === 'supervisor') {
    return {
      imports: ['from .hooks import relay_turns', 'from .team import build_team, team_request, team_turns'],
      code: `    team = build_team(build_llm(settings), inputs)
    handler = team.run(user_msg=team_request(inputs), max_iterations=team_turns(settings.max_steps))
    return str(await relay_turns(handler))`,
    };
  }
  const className = workflowClassName(spec);
  return {
    imports: ['from .agents import build_agents', `from .workflow import ${className}`],
    code: `    agents = build_agents(build_llm(settings), inputs)
    workflow = ${className}(agents, inputs, settings.max_steps)
    return str(await workflow.run())`,
  };
}

export function mainPy(spec: ProjectSpec): string {
  const { imports, code } = body(spec, spec.pattern);
  return `"""Entry point: \`run(inputs)\` runs the agents once with LlamaIndex and returns the final output."""

from __future__ import annotations

import asyncio

${[...imports, 'from .llm import build_llm', 'from .settings import load_settings'].sort().join('\n')}


async def run_async(inputs: dict[str, str]) -> str:
    """Builds the model and agents from the settings, runs them once and returns the result."""
    settings = load_settings()
${code}


def run(inputs: dict[str, str]) -> str:
    """Runs the ${spec.pattern} pattern for these inputs and returns the final output."""
    return asyncio.run(run_async(inputs))
`;
}
