// The process around a worker: read the environment, start, and on SIGTERM/SIGINT let in-flight
// runs finish for SHUTDOWN_GRACE_SECONDS (a second signal stops at once). Setup errors are thrown.
import { ConfigError, loadConfig } from './config';
import { startWorker, type RunningWorker } from './start-worker';

export async function runWorker(env: Readonly<Record<string, string | undefined>> = process.env, overrides: { readonly concurrency?: number } = {}): Promise<RunningWorker> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`agent-generator worker: ${error.message}\nSee docs/guides/configuration.md for every key.\n`);
      process.exit(78);
    }
    throw error;
  }
  const worker = await startWorker(overrides.concurrency === undefined ? config : { ...config, runWorkers: overrides.concurrency });
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    worker.logger.info({ signal }, 'shutting down');
    worker.close({ graceMs: config.shutdownGraceSeconds * 1000 }).then(
      () => process.exit(0),
      (error: unknown) => {
        worker.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return worker;
}
