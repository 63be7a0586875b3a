// Fixed specs for renderer tests and examples: one per framework × pattern, with tools that
// exercise every escaping path (quotes, newlines, braces) in their texts.
import type { FrameworkId, PatternId, ProjectSpec, ProviderId, ToolId } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';

interface FixtureOptions {
  readonly framework: FrameworkId;
  readonly pattern: PatternId;
  readonly provider?: ProviderId;
  readonly model?: string;
  readonly tools?: ReadonlyArray<ToolId>;
  readonly idea?: string;
}

export function fixtureSpec(options: FixtureOptions): ProjectSpec {
  const tools = options.tools ?? ['web_search', 'calculator', 'file_write'];
  const result = restoreProjectSpec({
    version: 1,
    name: 'Paper Digest',
    slug: 'paper-digest',
    idea: options.idea ?? 'A research crew that finds papers and writes a "weekly" digest.\nUse {braces} and `ticks`.',
    framework: options.framework,
    pattern: options.pattern,
    hyperscaler: 'on_prem',
    model: { provider: options.provider ?? 'ollama', id: options.model ?? 'llama3.1:8b' },
    agents: [
      {
        id: 'researcher',
        role: 'Research "Scout"',
        goal: 'Find the most relevant new papers on {topic}',
        backstory: 'You read arXiv every morning.\nYou never make up a citation.',
        tools: tools.filter((tool) => tool !== 'file_write'),
      },
      {
        id: 'analyst',
        role: 'Analyst',
        goal: "Summarise each paper's contribution and compute reading time",
        backstory: 'A careful reviewer who checks numbers.',
        tools: tools.filter((tool) => tool === 'calculator'),
      },
      {
        id: 'writer',
        role: 'Digest writer',
        goal: 'Write a clear weekly digest in Markdown',
        backstory: 'An editor who writes short, friendly prose.',
        tools: tools.filter((tool) => tool === 'file_write'),
      },
    ],
    tasks: [
      { id: 'find_papers', description: 'Find 3 new papers about {topic}.', expectedOutput: 'A list of titles with links', agent: 'researcher' },
      { id: 'analyse_papers', description: 'Summarise each paper and estimate reading time.', expectedOutput: 'One paragraph per paper', agent: 'analyst', context: ['find_papers'] },
      { id: 'write_digest', description: 'Write the digest from the summaries.', expectedOutput: 'A Markdown digest', agent: 'writer', context: ['analyse_papers'] },
    ],
    tools: tools.map((id) => ({ id })),
    inputs: [{ name: 'topic', description: 'The research topic', default: 'multi-agent systems' }],
    output: { format: 'markdown', file: 'digest.md' },
  });
  if (!result.ok) throw new Error(`fixture spec is invalid: ${JSON.stringify(result.issues)}`);
  return result.spec;
}
