// Public surface of @agent-generator/server: what the CLI's `serve` command and tests start.
export { runServer } from './run-server';
export { startServer, type RunningServer, type StartServerOptions } from './start-server';
export { loadConfig, ConfigError, type ServerConfig } from './config';
export { CONFIG_KEYS, configurationTable, type ConfigKey } from './config-keys';
export { createLogger } from './logger';
export { runWorker } from './run-worker';
export { startWorker, WorkerSetupError, type RunningWorker, type StartWorkerOptions } from './start-worker';
