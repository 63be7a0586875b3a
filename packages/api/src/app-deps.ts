// What createApp needs from its composition root: the store, the renderer, settings and I/O.
import type { FileTree, ProjectSpec, Role, Store } from '@agent-generator/contracts';
import type { LocalProviderProbe } from '@agent-generator/models';
import type { Logger } from './logger';
import type { ProtectedLocations } from './services/database-path-guard';
import type { RunsDeps } from './runs/runs-deps';

export interface RenderedProject {
  readonly files: FileTree;
  readonly rendererVersion: string;
}

export type OAuthProviderSettings =
  | { readonly id: 'github'; readonly clientId: string; readonly clientSecret: string; readonly webUrl: string; readonly apiUrl: string }
  | { readonly id: 'google'; readonly clientId: string; readonly clientSecret: string; readonly issuer: string }
  | { readonly id: 'entra'; readonly clientId: string; readonly clientSecret: string; readonly tenant: string; readonly authority: string };

export type OAuthProviderId = OAuthProviderSettings['id'];

export interface AuthSettings {
  /** At least 32 characters; signs OAuth state cookies. */
  readonly sessionSecret: string;
  readonly sessionMaxAgeMs: number;
  /** Origin the browser uses; OAuth redirect URLs are built from it, and https turns on Secure cookies. */
  readonly publicUrl: string;
  /** Failed logins per account and address in 15 minutes before login answers 429. */
  readonly loginMaxFailures: number;
  readonly oauthProviders: ReadonlyArray<OAuthProviderSettings>;
  /** Role for someone who signs in with a provider and has no account; `none` refuses them. */
  readonly oauthSignupRole: Exclude<Role, 'admin'> | 'none';
}

export interface SystemInfo {
  readonly version: string;
  readonly startedAt: Date;
}

/** Request metrics: the server wires these to prom-client; the API only reports samples. */
export interface MetricsPort {
  observeRequest(sample: { readonly method: string; readonly route: string; readonly status: number; readonly seconds: number }): void;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<{ readonly contentType: string; readonly body: string }>;
}

export interface AppDeps {
  readonly store: Store;
  readonly renderProject: (spec: ProjectSpec) => RenderedProject;
  readonly auth: AuthSettings;
  readonly system: SystemInfo;
  readonly logger?: Logger;
  readonly metrics?: MetricsPort;
  /** Largest accepted request body in bytes; default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Read the client address from X-Forwarded-For (behind a reverse proxy). */
  readonly trustProxy?: boolean;
  /** True while the process shuts down: /readyz then answers 503 so load balancers stop sending. */
  readonly draining?: () => boolean;
  /** Defaults to the system clock; tests pass a fake one. */
  readonly clock?: () => Date;
  /** Used for OAuth provider calls; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** The run hub the executor publishes to; without it runs are stored but nobody here executes them. */
  readonly runs?: RunsDeps;
  /** What the run tools' SQL database may never be (the server's DATA_DIR and own database file). */
  readonly protectedLocations?: ProtectedLocations;
  /** Local model servers (Ollama, OllaBridge) probed once at start-up; Settings → Providers offers them. */
  readonly localProviders?: Promise<ReadonlyArray<LocalProviderProbe>>;
}
