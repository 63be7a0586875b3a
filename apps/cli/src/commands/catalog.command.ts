// `agent-generator catalog`: what can be chosen — frameworks, patterns, hyperscalers, providers, models, tools.
import { catalog } from '@agent-generator/core';
import { CliError } from '../cli-error';
import { parseFlags } from '../parse-flags';
import type { Command } from './command';

function table(title: string, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const columns = rows[0]?.length ?? 0;
  const widths = Array.from({ length: columns }, (_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const lines = rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd());
  return `${title}\n${lines.join('\n')}\n\n`;
}

export const catalogCommand: Command = {
  name: 'catalog',
  summary: 'List frameworks, patterns, hyperscalers, providers, models and tools',
  help: `Usage: agent-generator catalog [--json]

Lists everything a selection can name, with the ids the other commands accept.

Options:
      --json    print the whole catalog as JSON
  -h, --help    show this help
`,
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, command: 'catalog', flags: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new CliError(`catalog takes no arguments (got "${positionals[0]}").`);
    if (values.json) {
      io.stdout(`${JSON.stringify(catalog, null, 2)}\n`);
      return 0;
    }
    const frameworks = catalog.frameworks.map((framework) => [
      framework.id,
      framework.name,
      framework.vendor,
      framework.maturity,
      Object.entries(framework.patterns).filter(([, support]) => support !== 'unsupported').map(([pattern, support]) => (support === 'native' ? pattern : `${pattern}*`)).join(' '),
    ]);
    io.stdout(table('Frameworks (patterns; * = via adapter)', [['id', 'name', 'vendor', 'maturity', 'patterns'], ...frameworks]));
    io.stdout(table('Patterns', [['id', 'label', 'flexibility', 'predictability', 'cost'], ...catalog.patterns.map((pattern) => [pattern.id, pattern.label, pattern.flexibility, pattern.predictability, pattern.cost])]));
    io.stdout(table('Hyperscalers', [['id', 'label'], ...catalog.hyperscalers.map((entry) => [entry.id, entry.label])]));
    io.stdout(table('Providers', [['id', 'label', 'group'], ...catalog.providers.map((entry) => [entry.id, entry.label, entry.group])]));
    io.stdout(
      table('Models ($ per million tokens in/out)', [
        ['provider', 'model id', 'context', 'price'],
        ...catalog.models.map((model) => [model.provider, model.id, `${Math.round(model.contextWindow / 1000)}k`, model.price.input === 0 ? 'free (local)' : `${model.price.input} / ${model.price.output}`]),
      ]),
    );
    io.stdout(table('Tools', [['id', 'label', 'needs'], ...catalog.tools.map((tool) => [tool.id, tool.label, tool.env.join(', ') || '-'])]));
    io.stdout(table('Export targets', [['id', 'label'], ...catalog.exportTargets.map((entry) => [entry.id, entry.label])]));
    return 0;
  },
};
