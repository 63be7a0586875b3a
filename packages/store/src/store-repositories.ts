// Builds every repository over one context (the database or a transaction), with driver errors translated.
import type { StoreRepositories } from '@agent-generator/contracts';
import { createApiTokenRepository } from './api-tokens.repository';
import { createAuditRepository } from './audit.repository';
import { createChatSessionRepository } from './chat-sessions.repository';
import { createIdentityRepository } from './identities.repository';
import { createProjectRepository } from './projects.repository';
import { createProviderSettingsRepository } from './provider-settings.repository';
import { createRateLimitRepository } from './rate-limits.repository';
import { createRunRepository } from './runs.repository';
import { createSessionRepository } from './sessions.repository';
import { createSettingsRepository } from './settings.repository';
import { createUserRepository } from './users.repository';
import { translateError } from './store-errors';
import type { StoreContext } from './store-context';

/** Wraps every method so a database outage surfaces as OperationalError('unavailable'). */
export function translatingErrors<Repository extends object>(repository: Repository): Repository {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(repository)) {
    wrapped[name] =
      typeof member === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await member(...args);
            } catch (error) {
              throw translateError(error);
            }
          }
        : member;
  }
  return wrapped as Repository;
}

export function createRepositories(context: StoreContext): StoreRepositories {
  return {
    users: translatingErrors(createUserRepository(context)),
    identities: translatingErrors(createIdentityRepository(context)),
    sessions: translatingErrors(createSessionRepository(context)),
    apiTokens: translatingErrors(createApiTokenRepository(context)),
    projects: translatingErrors(createProjectRepository(context)),
    settings: translatingErrors(createSettingsRepository(context)),
    audit: translatingErrors(createAuditRepository(context)),
    rateLimits: translatingErrors(createRateLimitRepository(context)),
    runs: translatingErrors(createRunRepository(context)),
    chatSessions: translatingErrors(createChatSessionRepository(context)),
    providerSettings: translatingErrors(createProviderSettingsRepository(context)),
  };
}
