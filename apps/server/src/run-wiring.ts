// The runs feature of a server or worker process: hub (with LISTEN/NOTIFY on Postgres) and executor.
import { createStoreModelResolver, RunExecutor, RunHub, type Logger, type ResolveRunModel } from '@agent-generator/api';
import { parseDatabaseUrl } from '@agent-generator/store';
import type { Store } from '@agent-generator/contracts';
import { createPgRunNotifier } from './pg-run-notifier';

export interface RunWiring {
  readonly hub: RunHub;
  readonly executor: RunExecutor | undefined;
  close(): Promise<void>;
}

export async function wireRuns(options: {
  readonly store: Store;
  readonly databaseUrl: string;
  readonly sessionSecret: string;
  readonly workers: number;
  readonly logger: Logger;
  readonly resolveModel?: ResolveRunModel;
}): Promise<RunWiring> {
  const target = parseDatabaseUrl(options.databaseUrl);
  const notifier = target.kind === 'postgres' ? await createPgRunNotifier(target.connectionString) : undefined;
  const hub = new RunHub({ store: options.store, notifier });
  await hub.start();
  const executor =
    options.workers > 0
      ? new RunExecutor({ store: options.store, hub, logger: options.logger, concurrency: options.workers, resolveModel: options.resolveModel ?? createStoreModelResolver({ sessionSecret: options.sessionSecret }) })
      : undefined;
  executor?.start();
  return {
    hub,
    executor,
    async close() {
      await executor?.stop();
      await notifier?.close();
    },
  };
}
