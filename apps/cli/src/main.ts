// Entry point of the bundled `agent-generator` binary.
import { processIo } from './io';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this at the project's issue tracker.\n`);
    process.exitCode = 70;
  },
);
