// Public surface of @agent-generator/api: createApp(deps) and what a composition root passes to it.
export { createApp, DEFAULT_MAX_BODY_BYTES } from './create-app';
export type { AppDeps, AuthSettings, MetricsPort, OAuthProviderId, OAuthProviderSettings, RenderedProject, SystemInfo } from './app-deps';
export type { AppEnv } from './app-env';
export type { Logger } from './logger';
export { silentLogger } from './logger';
export { bootstrapAdmin } from './bootstrap-admin';
export { TOKEN_SCOPES, type TokenScope } from './auth/access';
export { ERROR_STATUS } from './errors/error-status';
export { RunHub, type RunHubOptions } from './runs/run-hub';
export { RunExecutor, type RunExecutorOptions } from './runs/run-executor';
export { RUN_NOTIFY_CHANNEL, encodeNotice, decodeNotice, type RunNotice, type RunNotifier } from './runs/run-notifier';
export { createStoreModelResolver, type ResolveRunModel } from './runs/resolve-run-model';
export { createStoreToolsResolver, type ResolveRunTools } from './runs/resolve-run-tools';
export type { ProtectedLocations } from './services/database-path-guard';
export { createProviderSecrets } from './services/provider-secrets';
export { NO_MODEL_MESSAGE } from './runs/execute-run';
export type { RunsDeps } from './runs/runs-deps';
