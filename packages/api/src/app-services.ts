// Everything route handlers use, built once from AppDeps by createApp.
import type { Store } from '@agent-generator/contracts';
import type { AppDeps } from './app-deps';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { OAuthService } from './auth/oauth/oauth.service';
import { SessionService } from './auth/session.service';
import { TokenPrincipalCache } from './auth/token-principal-cache';
import { watchCredentialChanges } from './auth/watch-credential-changes';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import { ProjectsService } from './services/projects.service';
import { UsersService } from './services/users.service';

export interface AppServices {
  readonly deps: AppDeps;
  readonly store: Store;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly sessions: SessionService;
  /** Who recent API tokens belong to; the store above forgets revoked tokens and changed users in it. */
  readonly tokens: TokenPrincipalCache;
  readonly loginLimiter: LoginRateLimiter;
  readonly users: UsersService;
  readonly projects: ProjectsService;
  readonly oauth: OAuthService;
}

export function createServices(deps: AppDeps): AppServices {
  const clock = deps.clock ?? (() => new Date());
  const tokens = new TokenPrincipalCache({ clock });
  const store = watchCredentialChanges(deps.store, tokens);
  return {
    deps,
    store,
    clock,
    tokens,
    logger: deps.logger ?? silentLogger,
    sessions: new SessionService({ store, clock, maxAgeMs: deps.auth.sessionMaxAgeMs, secureCookies: deps.auth.publicUrl.startsWith('https:') }),
    loginLimiter: new LoginRateLimiter({ maxFailures: deps.auth.loginMaxFailures, clock, store }),
    users: new UsersService(store),
    projects: new ProjectsService({ store, renderProject: deps.renderProject }),
    oauth: new OAuthService({ settings: deps.auth, fetch: deps.fetch ?? fetch, clock }),
  };
}
