// A worker process: no HTTP, only the runs executor on the shared Postgres queue (ADR 0007).
// What `agent-generator worker` runs; the servers beside it may run with RUN_WORKERS=0.
import type { ResolveRunModel } from '@agent-generator/api';
import { createStore, parseDatabaseUrl } from '@agent-generator/store';
import type { Logger as PinoLogger } from 'pino';
import { describeConfig, type ServerConfig } from './config';
import { createLogger } from './logger';
import { wireRuns } from './run-wiring';

/** A setting a worker cannot run without (Postgres, a shared SESSION_SECRET, at least one slot). */
export class WorkerSetupError extends Error {
  override readonly name = 'WorkerSetupError';
}

export interface RunningWorker {
  readonly workerId: string;
  readonly logger: PinoLogger;
  /** Claims nothing more; in-flight runs get `graceMs` to finish, the rest end with run-error worker_stopped. */
  close(options?: { readonly graceMs?: number }): Promise<void>;
}

export interface StartWorkerOptions {
  readonly logger?: PinoLogger;
  readonly resolveModel?: ResolveRunModel;
}

function checkSetup(config: ServerConfig): string {
  if (parseDatabaseUrl(config.databaseUrl).kind !== 'postgres') {
    throw new WorkerSetupError('workers need Postgres: set DATABASE_URL to the postgres://… database the servers use (with SQLite the server runs its own runs; see RUN_WORKERS).');
  }
  if (config.sessionSecret === undefined) {
    throw new WorkerSetupError('workers need SESSION_SECRET, set to the same value as on the servers, to decrypt the model providers\' API keys.');
  }
  if (config.runWorkers === 0) throw new WorkerSetupError('RUN_WORKERS is 0, so this worker would execute nothing; leave it unset (4) or set how many runs it executes at once.');
  return config.sessionSecret;
}

export async function startWorker(config: ServerConfig, options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const sessionSecret = checkSetup(config);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const store = await createStore({ databaseUrl: config.databaseUrl });
  const runs = await wireRuns({ store, databaseUrl: config.databaseUrl, sessionSecret, workers: config.runWorkers, dataDir: config.dataDir, logger, ...(options.resolveModel ? { resolveModel: options.resolveModel } : {}) }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const workerId = runs.executor?.workerId ?? 'none';
  logger.info({ workerId, concurrency: config.runWorkers, config: describeConfig(config) }, 'agent-generator worker is ready');
  let closing: Promise<void> | undefined;
  return {
    workerId,
    logger,
    close: (closeOptions = {}) =>
      (closing ??= (async () => {
        logger.info({ workerId, inFlight: runs.executor?.activeCount ?? 0 }, 'worker stopping: finishing in-flight runs');
        await runs.close(closeOptions);
        await store.close();
        logger.info({ workerId }, 'agent-generator worker stopped');
        logger.flush();
      })()),
  };
}
