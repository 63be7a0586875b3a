// The shape every CLI command has: a name, help text and a run function returning an exit code.
import type { CliIo } from '../io';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(args: ReadonlyArray<string>, io: CliIo): Promise<number>;
}
