// Exit codes of the CLI and the error that carries one.
export const EXIT_INVALID_INPUT = 1;
export const EXIT_INCOMPATIBLE = 2;

/** An error whose message is shown as is and whose exit code is chosen by the command. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INVALID_INPUT,
  ) {
    super(message);
  }
}
