// agents/<id>.yaml: one native Orchestrate agent in the ADK's agent spec format (spec_version v1).
import { yamlString } from '../shared/escape';
import type { OrchestrateAgent } from './orchestrate-plan';

/** ADK 2.x deprecates the default, react and planner styles; react_core is its ReAct style. */
export const AGENT_STYLE = 'react_core';

function yamlList(values: ReadonlyArray<string>): string {
  return values.length === 0 ? ' []' : `\n${values.map((value) => `  - ${yamlString(value)}`).join('\n')}`;
}

export function agentYaml(agent: OrchestrateAgent, llm: string): string {
  return `# Orchestrate agent ${agent.id}; import with: orchestrate agents import -f agents/${agent.id}.yaml
spec_version: v1
kind: native
name: ${yamlString(agent.name)}
display_name: ${yamlString(agent.displayName)}
description: ${yamlString(agent.description)}
llm: ${yamlString(llm)}
# react_core is the ADK's ReAct style (think, call a tool or collaborator, observe, repeat).
style: ${AGENT_STYLE}
instructions: ${yamlString(agent.instructions)}
tools:${yamlList(agent.tools)}
collaborators:${yamlList(agent.collaborators)}
`;
}
