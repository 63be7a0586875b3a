// `agent-generator compat`: check a framework × pattern × hyperscaler × model selection.
import { EXPORT_TARGET_IDS, hasErrors, type ExportTargetId } from '@agent-generator/contracts';
import { evaluate } from '@agent-generator/core';
import { CliError, EXIT_INCOMPATIBLE } from '../cli-error';
import { formatDiagnostics } from '../format';
import { parseFlags } from '../parse-flags';
import { SELECTION_FLAGS, parseSelection } from '../selection-options';
import type { Command } from './command';

export const compatCommand: Command = {
  name: 'compat',
  summary: 'Check a selection against the compatibility catalog',
  help: `Usage: agent-generator compat --framework <id> [options]

Prints one diagnostic row per selected dimension (ok, warn or err) with a suggestion for each
problem. Exits 2 when any row is err.

Options:
  -f, --framework <id>     required
  -p, --pattern <id>       sequential | supervisor | react | graph | group-chat
      --hyperscaler <id>   azure | aws | gcp | ibm | on_prem
      --provider <id>      model provider id
  -m, --model <id>         the provider's model id
      --tools <ids>        comma-separated tool ids
      --export <id>        zip | docker | github | azure-ai | bedrock | vertex-ai | watsonx | hf
      --json               print the diagnostics as JSON
  -h, --help               show this help
`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      command: 'compat',
      flags: { ...SELECTION_FLAGS, export: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new CliError(`compat takes no idea, only flags (got "${positionals[0]}").`);
    const choices = parseSelection(values);
    if (!choices.framework) throw new CliError('--framework is required. Example: agent-generator compat --framework crewai --pattern supervisor');
    const exportTarget = values.export;
    if (exportTarget !== undefined && !(EXPORT_TARGET_IDS as ReadonlyArray<string>).includes(exportTarget)) {
      throw new CliError(`unknown --export "${exportTarget}". Choose one of: ${EXPORT_TARGET_IDS.join(', ')}.`);
    }
    const diagnostics = evaluate({ ...choices, framework: choices.framework, ...(exportTarget ? { exportTarget: exportTarget as ExportTargetId } : {}) });
    io.stdout(values.json ? `${JSON.stringify(diagnostics, null, 2)}\n` : formatDiagnostics(diagnostics, io.isTty));
    return hasErrors(diagnostics) ? EXIT_INCOMPATIBLE : 0;
  },
};
