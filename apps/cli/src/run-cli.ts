// The CLI's dispatcher: one command per file, errors turned into messages and exit codes.
import { CliError, EXIT_INVALID_INPUT } from './cli-error';
import { catalogCommand } from './commands/catalog.command';
import type { Command } from './commands/command';
import { compatCommand } from './commands/compat.command';
import { generateCommand } from './commands/generate.command';
import { planCommand } from './commands/plan.command';
import { serveCommand } from './commands/serve.command';
import { workerCommand } from './commands/worker.command';
import type { CliIo } from './io';

declare const AGENT_GENERATOR_VERSION: string | undefined;

const commands: ReadonlyArray<Command> = [planCommand, generateCommand, compatCommand, catalogCommand, serveCommand, workerCommand];

function usage(): string {
  const rows = commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join('\n');
  return `agent-generator: turn one sentence into a runnable multi-agent project

Usage: agent-generator <command> [options]

Commands:
${rows}

Run \`agent-generator <command> --help\` for a command's options.
Example: agent-generator generate "a research crew that finds papers and writes a weekly digest" --framework crewai
`;
}

export async function runCli(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? EXIT_INVALID_INPUT : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${typeof AGENT_GENERATOR_VERSION === 'string' ? AGENT_GENERATOR_VERSION : 'dev'}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`error: unknown command "${name}".\n\n${usage()}`);
    return EXIT_INVALID_INPUT;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`error: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof Error && error.name === 'UserError') {
      io.stderr(`error: ${error.message}\n`);
      return EXIT_INVALID_INPUT;
    }
    throw error;
  }
}
