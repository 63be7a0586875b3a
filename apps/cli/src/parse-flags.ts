// A thin wrapper over node:util parseArgs that turns its errors into CLI errors with help hints.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends Options>(options: { args: ReadonlyArray<string>; flags: T; command: string }) {
  try {
    return parseArgs({ args: [...options.args], options: options.flags, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^.*?: /, '') : String(error);
    throw new CliError(`${message}\nRun \`agent-generator ${options.command} --help\` for the options.`);
  }
}
