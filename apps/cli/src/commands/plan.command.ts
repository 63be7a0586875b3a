// `agent-generator plan`: idea → ProjectSpec, printed as YAML (or JSON) without writing anything.
import { stringify } from 'yaml';
import { evaluate, planProject, selectionOfSpec } from '@agent-generator/core';
import { parseFlags } from '../parse-flags';
import { readIdea } from '../read-idea';
import { SELECTION_FLAGS, parseSelection } from '../selection-options';
import { formatDiagnostics } from '../format';
import type { Command } from './command';

export const planCommand: Command = {
  name: 'plan',
  summary: 'Plan an idea into a project spec and print it',
  help: `Usage: agent-generator plan "<idea>" [options]

Plans the idea into a ProjectSpec (agents, tasks, tools, pattern, model) and prints it as YAML.
Nothing is written. Use "-" as the idea to read it from standard input.

Options:
  -f, --framework <id>     crewai | crewai-flow | langgraph | react | watsonx-orchestrate | autogen | strands | llamaindex
  -p, --pattern <id>       sequential | supervisor | react | graph | group-chat
      --hyperscaler <id>   azure | aws | gcp | ibm | on_prem
      --provider <id>      openai | azure-openai | anthropic | bedrock | vertex | watsonx | ollama | ollabridge | openai-compatible
  -m, --model <id>         the provider's model id, e.g. gpt-4o or llama3.1:8b
      --tools <ids>        comma-separated tool ids (see \`agent-generator catalog\`)
      --json               print the spec as JSON (pipe it into \`generate --spec -\`)
  -h, --help               show this help
`,
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, command: 'plan', flags: { ...SELECTION_FLAGS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    const idea = await readIdea(positionals, io);
    const { spec, hints } = planProject(idea, parseSelection(values));
    if (values.json) {
      io.stdout(`${JSON.stringify(spec, null, 2)}\n`);
      return 0;
    }
    for (const hint of hints) io.stderr(`hint: ${hint.message}\n`);
    io.stderr(formatDiagnostics(evaluate(selectionOfSpec(spec)), false));
    io.stdout(stringify(spec, { lineWidth: 0 }));
    return 0;
  },
};
