// src/<pkg>/config/agents.yaml: role, goal and backstory of every agent, in CrewAI's format.
import type { ProjectSpec } from '@agent-generator/contracts';
import { commentText, yamlString } from '../shared/escape';

/** `key` is the YAML key (CrewAI matches it to a method of the same name). */
export function agentsYaml(spec: ProjectSpec, key: (agentId: string) => string): string {
  const entries = spec.agents.map(
    (agent) => `${key(agent.id)}:
  role: ${yamlString(agent.role)}
  goal: ${yamlString(agent.goal)}
  backstory: ${yamlString(agent.backstory)}`,
  );
  return `# Agents of ${commentText(spec.name)}. {name} is filled from the run's inputs.

${entries.join('\n\n')}
`;
}
