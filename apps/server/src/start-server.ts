// The composition root: config → store → createApp → one HTTP server on HOST:PORT serving the
// API, its docs and the web app. Every adapter and feature the server runs is built here.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapAdmin, createApp, type OAuthProviderSettings } from '@agent-generator/api';
import { renderProject } from '@agent-generator/renderers';
import { createStore } from '@agent-generator/store';
import type { Store } from '@agent-generator/contracts';
import type { Logger as PinoLogger } from 'pino';
import { describeConfig, type OAuthConfig, type ServerConfig } from './config';
import { createHttpServer, listen, originOf } from './http-server';
import { startLocalProviderProbe, type LocalProviderProbeOptions } from './local-provider-probe';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { protectedLocationsOf } from './protected-locations';
import { wireRuns } from './run-wiring';
import { resolveSessionSecret } from './session-secret';
import { serverVersion } from './version';
import { webAppHandler } from './web-app';

export interface StartServerOptions {
  /** Defaults to a pino logger on stdout at the configured level. */
  readonly logger?: PinoLogger;
  /** Used for OAuth provider calls; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Where and how long to look for local model servers at start-up (default: Ollama :11434 and OllaBridge :11435 on 127.0.0.1, 250 ms). */
  readonly localProviderProbe?: LocalProviderProbeOptions;
}

export interface RunningServer {
  /** The origin the server answers on, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  readonly logger: PinoLogger;
  /** Stops accepting connections, lets in-flight requests finish (up to the grace period), closes the store. */
  close(): Promise<void>;
}

// The built web app sits next to the server in the repository: apps/web/dist from apps/server/src or dist.
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

function oauthProviders(oauth: OAuthConfig): OAuthProviderSettings[] {
  return [
    ...(oauth.github ? [{ id: 'github' as const, ...oauth.github }] : []),
    ...(oauth.google ? [{ id: 'google' as const, ...oauth.google }] : []),
    ...(oauth.entra ? [{ id: 'entra' as const, ...oauth.entra }] : []),
  ];
}

export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const startedAt = new Date();
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const sessionSecret = resolveSessionSecret({ configured: config.sessionSecret, dataDir: config.dataDir });
  const store = await createStore({ databaseUrl: config.databaseUrl, checkpointInBackground: true });
  if (config.admin) {
    const admin = await bootstrapAdmin(store, config.admin);
    if (admin) logger.info({ email: admin.email }, 'created the first admin from ADMIN_EMAIL');
  }
  const runs = await wireRuns({ store, databaseUrl: config.databaseUrl, sessionSecret, workers: config.runWorkers, dataDir: config.dataDir, logger });
  let draining = false;
  // The app needs the listening address (PORT=0, no PUBLIC_URL), so requests wait for it to exist.
  const ready: { handler?: (request: Request, env: unknown) => Response | Promise<Response> } = {};
  const { server, closeWebSockets } = createHttpServer((request, env) => (ready.handler ? ready.handler(request, env) : new Response('starting', { status: 503 })));
  const address = await listen(server, { port: config.port, host: config.host }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const url = config.publicUrl ?? originOf(address);
  // Started after the synchronous start-up work (migrations, password hashing) so its short timeout
  // measures the local servers, not us; never awaited here, so readiness does not wait for it.
  const localProviders = startLocalProviderProbe({ logger, ...options.localProviderProbe });
  const app = createApp({
    store,
    renderProject,
    logger,
    metrics: createMetrics(),
    system: { version: serverVersion(), startedAt },
    maxBodyBytes: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    draining: () => draining,
    runs: { hub: runs.hub },
    protectedLocations: protectedLocationsOf(config),
    localProviders,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    auth: {
      sessionSecret,
      sessionMaxAgeMs: config.sessionMaxAgeHours * 60 * 60 * 1000,
      publicUrl: url,
      loginMaxFailures: config.loginMaxFailures,
      oauthProviders: oauthProviders(config.oauth),
      oauthSignupRole: config.oauth.signupRole,
    },
  });
  app.on(['GET', 'HEAD'], '*', webAppHandler(resolve(config.webDir ?? DEFAULT_WEB_DIR)));
  ready.handler = (request, env) => app.fetch(request, env);
  logger.info({ url, config: describeConfig(config), startupMs: Date.now() - startedAt.getTime() }, 'agent-generator is ready');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      draining = true;
      closeWebSockets();
      await new Promise<void>((resolveClosed) => {
        const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownGraceSeconds * 1000);
        // Keep-alive connections that finish their last request are closed as they go idle.
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearTimeout(deadline);
          clearInterval(idle);
          resolveClosed();
        });
        server.closeIdleConnections();
      });
      await runs.close();
      await store.close();
      logger.info({}, 'agent-generator stopped');
      logger.flush();
    })());
  return { url, port: address.port, store, logger, close };
}
