// .env.example of a generated project: the model settings, the provider's and the tools' variables.
import { commentText } from './escape';
import type { ProjectContext } from './python/project-context';
import { providerEntry, toolEntry } from './tool-catalog';

function toolLines(context: ProjectContext): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const tool of context.tools) {
    const names = toolEntry(tool.id).env.filter((name) => !seen.has(name));
    if (names.length === 0) continue;
    lines.push(`# ${tool.id}: ${commentText(toolEntry(tool.id).label)}`);
    for (const name of names) {
      seen.add(name);
      lines.push(`${name}=${tool.envExamples[name] ?? ''}`);
    }
  }
  return lines;
}

// Read straight from the process environment (export them; this file feeds the settings above).
const RUNTIME_LINES = [
  '# Live events and serve mode: environment variables, read before this file is loaded',
  '# AGENT_EVENTS=jsonl                 RunEvent JSON lines on stdout (same as `run --events`)',
  '# AGENT_EVENTS_FILE=events.jsonl     append the events to this file instead',
  '# AGENT_API_KEY=                     bearer token `serve` requires (all but /health and the agent card)',
  '# AGENT_PUBLIC_URL=                  the URL clients reach `serve` at, for the A2A agent card',
  '# AGENT_ALLOWED_ORIGINS=             comma-separated browser origins allowed to call `serve`',
];

export function renderEnvExample(context: ProjectContext): string {
  const { spec } = context;
  const provider = providerEntry(spec.model.provider);
  const providerLines = provider.env.map((variable) => `${variable.secret ? '# secret: keep it out of git\n' : ''}${variable.name}=${variable.example}`);
  const tools = toolLines(context);
  return [
    `# Settings for ${commentText(spec.name)}. Copy this file to .env and fill it in; never commit .env.`,
    '',
    '# Model',
    `MODEL_PROVIDER=${spec.model.provider}`,
    `MODEL_ID=${spec.model.id}`,
    'MODEL_TEMPERATURE=0.2',
    'AGENT_MAX_STEPS=12',
    '',
    `# ${commentText(provider.label)} (${provider.docsUrl})`,
    ...providerLines,
    ...(tools.length > 0 ? ['', '# Tools', ...tools] : []),
    '',
    ...RUNTIME_LINES,
    '',
  ].join('\n');
}
