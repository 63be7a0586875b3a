// The process around the server: read the environment, start, and shut down gracefully on SIGTERM
// or SIGINT (a second signal stops at once). What `agent-generator serve` and `node dist/server.js` run.
import { ConfigError, loadConfig } from './config';
import { startServer, type RunningServer } from './start-server';

export async function runServer(env: Readonly<Record<string, string | undefined>> = process.env): Promise<RunningServer> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`agent-generator: ${error.message}\nSee docs/guides/configuration.md for every key.\n`);
      process.exit(78);
    }
    throw error;
  }
  const server = await startServer(config);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    server.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return server;
}
