// The run tools' settings a run gets, read from the stored document (Settings → Defaults → Run
// tools). The opened document is kept until its updatedAt changes, so the search key is unsealed
// once per change; the database path is checked again for every run (a symlink may have moved).
import type { RunRecord, Store } from '@agent-generator/contracts';
import type { ToolsConfig } from '@agent-generator/engine';
import type { Logger } from '../logger';
import { checkDatabasePath, type ProtectedLocations } from '../services/database-path-guard';
import { createProviderSecrets, type ProviderSecrets } from '../services/provider-secrets';
import { readStoredTools, SEARCH_KEY_SEAL_ID, TOOLS_SETTINGS_SCOPE, type StoredTools } from '../services/tools-settings-document';

/** The configured tools for one run; laid over the executor's own (its workspaceRoot). */
export type ResolveRunTools = (request: { readonly store: Store; readonly run: RunRecord }) => Promise<ToolsConfig>;

function searchOf(stored: StoredTools, secrets: ProviderSecrets, logger: Logger): ToolsConfig['search'] {
  const search = stored.search;
  if (search === null || search.url === null) return undefined;
  if (search.apiKeyCiphertext === null) return { url: search.url };
  const apiKey = secrets.open({ providerId: SEARCH_KEY_SEAL_ID, sealed: search.apiKeyCiphertext });
  if (apiKey === undefined) logger.warn({}, 'the search API key no longer opens (SESSION_SECRET changed): web_search runs without it; enter the key again in Settings');
  return apiKey === undefined ? { url: search.url } : { url: search.url, apiKey };
}

export function createStoreToolsResolver(options: { readonly sessionSecret: string; readonly protectedLocations: ProtectedLocations; readonly logger: Logger }): ResolveRunTools {
  const secrets = createProviderSecrets(options.sessionSecret);
  const { logger, protectedLocations } = options;
  let kept: { readonly updatedAt: string; readonly stored: StoredTools; readonly search: ToolsConfig['search'] } | undefined;

  return async ({ store, run }) => {
    const record = await store.settings.get(TOOLS_SETTINGS_SCOPE);
    if (record === undefined) return {};
    if (kept?.updatedAt !== record.updatedAt) {
      const stored = readStoredTools(record.value);
      kept = { updatedAt: record.updatedAt, stored, search: searchOf(stored, secrets, logger) };
    }
    const { stored, search } = kept;
    let sql: ToolsConfig['sql'];
    if (stored.sql !== null) {
      try {
        // The real path just checked, so a link moved after this check changes nothing for this run.
        const databasePath = await checkDatabasePath(stored.sql.databasePath, protectedLocations);
        sql = { databasePath, allowWrites: stored.sql.allowWrites, timeoutMs: stored.sql.timeoutMs };
      } catch (error) {
        logger.warn({ runId: run.id, reason: error instanceof Error ? error.message : String(error) }, 'the configured SQL database cannot be used: sql_query answers "not configured"');
      }
    }
    return { allowPrivateNetwork: stored.allowPrivateNetwork, ...(sql === undefined ? {} : { sql }), ...(search === undefined ? {} : { search }) };
  };
}
