// `agent-generator worker`: executes queued runs from the shared Postgres, next to the servers.
import { CliError, EXIT_INCOMPATIBLE } from '../cli-error';
import { parseFlags } from '../parse-flags';
import type { Command } from './command';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Execute queued runs (chat, Run console) from a shared Postgres database',
  help: `Usage: agent-generator worker [--concurrency N]

Takes runs from the Postgres queue the servers write to and executes them; their events reach
clients on every server. Reads the server's configuration: DATABASE_URL (postgres://… — workers
need Postgres), SESSION_SECRET (the servers' value, to decrypt provider keys), RUN_WORKERS (runs at
once, default 4), SHUTDOWN_GRACE_SECONDS (on SIGTERM, how long in-flight runs may finish; the rest
end with a run-error), DATA_DIR and LOG_LEVEL. Logs are JSON lines on stdout.
See docs/architecture/runs.md.

Options:
      --concurrency <n>  runs executed at once (overrides RUN_WORKERS)
  -h, --help             show this help
`,
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, command: 'worker', flags: { concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new CliError(`worker takes no arguments (got "${positionals[0]}").`);
    if (values.concurrency !== undefined && !/^[1-9]\d{0,2}$/.test(values.concurrency)) throw new CliError(`--concurrency "${values.concurrency}" must be a whole number from 1 to 999.`);
    const { runWorker, WorkerSetupError } = await import('@agent-generator/server');
    try {
      await runWorker(process.env, values.concurrency === undefined ? {} : { concurrency: Number(values.concurrency) });
    } catch (error) {
      if (error instanceof WorkerSetupError) throw new CliError(error.message, EXIT_INCOMPATIBLE);
      throw error;
    }
    return new Promise<number>(() => undefined); // runs until a signal stops the process
  },
};
