// `agent-generator generate`: idea (or spec) → plan → check → render → directory and/or zip.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { hasErrors, restoreProjectSpec, type ProjectSpec } from '@agent-generator/contracts';
import { evaluate, planProject, selectionOfSpec } from '@agent-generator/core';
import { renderProject } from '@agent-generator/renderers';
import { CliError, EXIT_INCOMPATIBLE } from '../cli-error';
import { formatBytes, formatDiagnostics } from '../format';
import type { CliIo } from '../io';
import { parseFlags } from '../parse-flags';
import { readIdea } from '../read-idea';
import { SELECTION_FLAGS, parseSelection } from '../selection-options';
import { summarise, writeDirectory, writeZip } from '../write-project';
import type { Command } from './command';

const FLAGS = {
  ...SELECTION_FLAGS,
  out: { type: 'string', short: 'o' },
  zip: { type: 'string' },
  spec: { type: 'string' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function loadSpec(file: string, io: CliIo): Promise<ProjectSpec> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch {
    throw new CliError(`cannot read --spec ${file}: no such file.`);
  }
  let data: unknown;
  try {
    data = parseYaml(text); // YAML is a superset of JSON
  } catch (error) {
    throw new CliError(`--spec ${file} is neither JSON nor YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = restoreProjectSpec(data);
  if (!result.ok) throw new CliError(`--spec ${file} is not a valid project spec:\n${result.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`);
  return result.spec;
}

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Generate a complete project from an idea',
  help: `Usage: agent-generator generate "<idea>" [options]
       agent-generator generate --spec <file> [options]

Plans the idea, checks the selection against the compatibility catalog, renders a complete
project for the framework and writes it to a directory (default: the project's slug) and/or a zip.
Refuses an err selection or a non-empty directory unless --force. Use "-" to read the idea (or
--spec) from standard input.

Options:
  -f, --framework <id>     crewai | crewai-flow | langgraph | react | watsonx-orchestrate | autogen | strands | llamaindex
  -p, --pattern <id>       sequential | supervisor | react | graph | group-chat
      --hyperscaler <id>   azure | aws | gcp | ibm | on_prem
      --provider <id>      model provider id
  -m, --model <id>         the provider's model id, e.g. gpt-4o or llama3.1:8b
      --tools <ids>        comma-separated tool ids
      --spec <file>        generate from a spec (JSON or YAML, e.g. from \`plan --json\`) instead of an idea
  -o, --out <dir>          output directory (default: the slug)
      --zip <file>         also (or, without --out, only) write a zip archive
      --force              overwrite a non-empty directory; generate despite err diagnostics
      --dry-run            plan, check and render, but write nothing
      --json               print {spec, diagnostics, files:[{path,bytes,sha256}]}
  -h, --help               show this help

Exit codes: 0 success, 1 invalid input, 2 the selection has err diagnostics.
`,
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, command: 'generate', flags: FLAGS });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    const choices = parseSelection(values);
    let spec: ProjectSpec;
    let hints: ReadonlyArray<{ message: string }> = [];
    if (values.spec !== undefined) {
      if (positionals.length > 0) throw new CliError('give either an idea or --spec, not both.');
      spec = await loadSpec(values.spec, io);
    } else {
      ({ spec, hints } = planProject(await readIdea(positionals, io), choices));
    }
    const diagnostics = evaluate(selectionOfSpec(spec));
    const blocked = hasErrors(diagnostics) && !values.force;
    let files: ReturnType<typeof renderProject>['files'] = [];
    if (!blocked) {
      try {
        files = renderProject(spec).files;
      } catch (error) {
        throw new CliError(`cannot render this selection: ${(error as Error).message}`, EXIT_INCOMPATIBLE);
      }
    }
    const summary = summarise(files);
    if (values.json) {
      io.stdout(`${JSON.stringify({ spec, diagnostics, files: summary }, null, 2)}\n`);
    } else {
      for (const hint of hints) io.stderr(`hint: ${hint.message}\n`);
      io.stderr(formatDiagnostics(diagnostics, io.isTty));
    }
    if (blocked) {
      io.stderr('Not generated: the selection has err diagnostics (above). Change the selection, or pass --force to generate anyway.\n');
      return EXIT_INCOMPATIBLE;
    }
    const write = !values['dry-run'];
    const directory = values.out ?? (values.zip === undefined ? spec.slug : undefined);
    if (write && directory !== undefined) writeDirectory({ files, directory: resolve(io.cwd, directory), force: Boolean(values.force) });
    if (write && values.zip !== undefined) writeZip({ files, file: resolve(io.cwd, values.zip), prefix: spec.slug, force: Boolean(values.force) });
    if (!values.json) {
      const total = summary.reduce((sum, file) => sum + file.bytes, 0);
      const where = !write ? 'dry run, nothing written' : [directory && `${directory}/`, values.zip].filter(Boolean).join(' and ');
      io.stdout(`${spec.name} (${spec.framework}, ${spec.pattern}): ${files.length} files, ${formatBytes(total)} → ${where}\n`);
      for (const file of summary) io.stdout(`  ${file.path.padEnd(48)} ${formatBytes(file.bytes).padStart(9)}\n`);
    }
    return 0;
  },
};
