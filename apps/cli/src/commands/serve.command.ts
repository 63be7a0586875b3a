// `agent-generator serve`: the whole product — API, WebSocket and web app — in this process.
import { CliError } from '../cli-error';
import { parseFlags } from '../parse-flags';
import type { Command } from './command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the server: API and web app on one port (SQLite by default)',
  help: `Usage: agent-generator serve [--port N] [--host ADDRESS]

Starts the API and the web app in this process. Configuration comes from environment variables
(PORT, HOST, DATA_DIR, DATABASE_URL, SESSION_SECRET, ADMIN_EMAIL, ADMIN_PASSWORD, OAuth settings,
LOG_LEVEL); see docs/guides/configuration.md. The flags override PORT and HOST.

Options:
      --port <n>        port to listen on (default 8080)
      --host <address>  address to bind (default 127.0.0.1)
  -h, --help            show this help
`,
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, command: 'serve', flags: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    if (positionals.length > 0) throw new CliError(`serve takes no arguments (got "${positionals[0]}").`);
    if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) throw new CliError(`--port "${values.port}" is not a port number.`);
    // Loaded on demand so `generate` and `plan` never pay for the server's start-up.
    const { runServer } = await import('@agent-generator/server');
    const env = { ...process.env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) };
    await runServer(env);
    return new Promise<number>(() => undefined); // runs until a signal stops the process
  },
};
