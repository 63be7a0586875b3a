// The runs feature of a server or worker process: hub (with LISTEN/NOTIFY on Postgres) and executor.
import { createStoreModelResolver, createStoreToolsResolver, RunExecutor, RunHub, type Logger, type ResolveRunModel } from '@agent-generator/api';
import { parseDatabaseUrl } from '@agent-generator/store';
import type { Store } from '@agent-generator/contracts';
import { join } from 'node:path';
import { createPgRunNotifier } from './pg-run-notifier';
import { protectedLocationsOf } from './protected-locations';

export interface RunWiring {
  readonly hub: RunHub;
  readonly executor: RunExecutor | undefined;
  /** In-flight runs get `graceMs` (default 0) to finish; the rest end with run-error worker_stopped. */
  close(options?: { readonly graceMs?: number }): Promise<void>;
}

export async function wireRuns(options: {
  readonly store: Store;
  readonly databaseUrl: string;
  readonly sessionSecret: string;
  readonly workers: number;
  /** Run workspaces (file tools) live under DATA_DIR/run-workspaces/<runId>, project venvs under DATA_DIR/venvs. */
  readonly dataDir: string;
  readonly logger: Logger;
  readonly resolveModel?: ResolveRunModel;
}): Promise<RunWiring> {
  const target = parseDatabaseUrl(options.databaseUrl);
  const notifier = target.kind === 'postgres' ? await createPgRunNotifier(target.connectionString) : undefined;
  const hub = new RunHub({ store: options.store, notifier });
  await hub.start();
  // Each run's tools: its workspace here, with the settings an admin stored (Settings → Defaults → Run tools) laid over it.
  const resolveTools = createStoreToolsResolver({ sessionSecret: options.sessionSecret, protectedLocations: protectedLocationsOf(options), logger: options.logger });
  const executor =
    options.workers > 0
      ? new RunExecutor({
          store: options.store,
          hub,
          logger: options.logger,
          concurrency: options.workers,
          tools: { workspaceRoot: join(options.dataDir, 'run-workspaces') },
          resolveTools,
          projectRuntime: { venvCacheDir: join(options.dataDir, 'venvs') },
          resolveModel: options.resolveModel ?? createStoreModelResolver({ sessionSecret: options.sessionSecret }),
        })
      : undefined;
  executor?.start();
  return {
    hub,
    executor,
    async close(closeOptions = {}) {
      await executor?.stop(closeOptions);
      await notifier?.close();
    },
  };
}
