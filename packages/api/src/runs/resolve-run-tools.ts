// The run tools' settings a run gets, read from the stored document (Settings → Defaults → Run
// tools). The opened document is kept until its updatedAt changes, so the search key and the
// PostgreSQL URL are unsealed once per change; the database path or URL is checked again for every
// run (a symlink may have moved, DATABASE_URL may have changed). The URL is never logged.
import type { RunRecord, Store } from '@agent-generator/contracts';
import type { SqlToolConfig, ToolsConfig } from '@agent-generator/engine';
import type { Logger } from '../logger';
import { checkDatabasePath, type ProtectedLocations } from '../services/database-path-guard';
import { checkPostgresUrl } from '../services/postgres-url-guard';
import { createProviderSecrets, type ProviderSecrets } from '../services/provider-secrets';
import { readStoredTools, SEARCH_KEY_SEAL_ID, SQL_URL_SEAL_ID, TOOLS_SETTINGS_SCOPE, type StoredTools } from '../services/tools-settings-document';

/** The configured tools for one run; laid over the executor's own (its workspaceRoot). */
export type ResolveRunTools = (request: { readonly store: Store; readonly run: RunRecord }) => Promise<ToolsConfig>;

interface Opened {
  readonly search: ToolsConfig['search'];
  /** The unsealed PostgreSQL URL; undefined for SQLite, no database, or a seal that no longer opens. */
  readonly postgresUrl: string | undefined;
}

function open(stored: StoredTools, secrets: ProviderSecrets, logger: Logger): Opened {
  const sql = stored.sql;
  const postgresUrl = sql?.kind === 'postgres' ? secrets.open({ providerId: SQL_URL_SEAL_ID, sealed: sql.urlCiphertext }) : undefined;
  if (sql?.kind === 'postgres' && postgresUrl === undefined) logger.warn({}, 'the PostgreSQL URL no longer opens (SESSION_SECRET changed): sql_query answers "not configured"; enter the URL again in Settings');
  const search = stored.search;
  if (search === null || search.url === null) return { search: undefined, postgresUrl };
  if (search.apiKeyCiphertext === null) return { search: { url: search.url }, postgresUrl };
  const apiKey = secrets.open({ providerId: SEARCH_KEY_SEAL_ID, sealed: search.apiKeyCiphertext });
  if (apiKey === undefined) logger.warn({}, 'the search API key no longer opens (SESSION_SECRET changed): web_search runs without it; enter the key again in Settings');
  return { search: apiKey === undefined ? { url: search.url } : { url: search.url, apiKey }, postgresUrl };
}

/** The database this run may use, checked now; throws the guard's UserError when it may not. */
async function sqlFor(stored: StoredTools, postgresUrl: string | undefined, protectedLocations: ProtectedLocations): Promise<SqlToolConfig | undefined> {
  const sql = stored.sql;
  if (sql === null) return undefined;
  const limits = { allowWrites: sql.allowWrites, timeoutMs: sql.timeoutMs };
  if (sql.kind !== 'postgres') {
    // The real path just checked, so a link moved after this check changes nothing for this run.
    return { kind: 'sqlite', databasePath: await checkDatabasePath(sql.databasePath, protectedLocations), ...limits };
  }
  if (postgresUrl === undefined) return undefined;
  checkPostgresUrl(postgresUrl, protectedLocations.databaseUrl);
  return { kind: 'postgres', url: postgresUrl, ...limits };
}

export function createStoreToolsResolver(options: { readonly sessionSecret: string; readonly protectedLocations: ProtectedLocations; readonly logger: Logger }): ResolveRunTools {
  const secrets = createProviderSecrets(options.sessionSecret);
  const { logger, protectedLocations } = options;
  let kept: { readonly updatedAt: string; readonly stored: StoredTools; readonly opened: Opened } | undefined;

  return async ({ store, run }) => {
    const record = await store.settings.get(TOOLS_SETTINGS_SCOPE);
    if (record === undefined) return {};
    if (kept?.updatedAt !== record.updatedAt) {
      const stored = readStoredTools(record.value);
      kept = { updatedAt: record.updatedAt, stored, opened: open(stored, secrets, logger) };
    }
    const { stored, opened } = kept;
    let sql: SqlToolConfig | undefined;
    try {
      sql = await sqlFor(stored, opened.postgresUrl, protectedLocations);
    } catch (error) {
      // The guards' messages never hold the path's target or the URL.
      logger.warn({ runId: run.id, reason: error instanceof Error ? error.message : String(error) }, 'the configured SQL database cannot be used: sql_query answers "not configured"');
    }
    const search = opened.search;
    return { allowPrivateNetwork: stored.allowPrivateNetwork, ...(sql === undefined ? {} : { sql }), ...(search === undefined ? {} : { search }) };
  };
}
