// A small valid ProjectSpec for the component tests: two agents, three tasks, one tool.
import type { ProjectSpec } from '@agent-generator/contracts';

export const testSpec: ProjectSpec = {
  version: 1,
  name: 'Weekly digest',
  slug: 'weekly-digest',
  idea: 'Research a topic and write a digest',
  framework: 'crewai',
  pattern: 'sequential',
  hyperscaler: 'on_prem',
  model: { provider: 'ollama', id: 'qwen2.5:1.5b' },
  agents: [
    { id: 'researcher', role: 'Researcher', goal: 'Find sources', backstory: '', tools: ['web_search'], allowDelegation: false },
    { id: 'writer', role: 'Writer', goal: 'Write the digest', backstory: '', tools: [], allowDelegation: false },
  ],
  tasks: [
    { id: 'research', description: 'Research the topic', expectedOutput: 'Notes', agent: 'researcher', context: [] },
    { id: 'outline', description: 'Outline the digest', expectedOutput: 'An outline', agent: 'writer', context: ['research'] },
    { id: 'write', description: 'Write the digest', expectedOutput: 'A digest', agent: 'writer', context: ['research', 'outline'] },
  ],
  tools: [{ id: 'web_search', config: {} }],
  memory: { enabled: false },
  inputs: [],
  output: { format: 'markdown' },
};
