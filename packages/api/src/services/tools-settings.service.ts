// The run tools' settings on the server: the stored document shown without its search key or database
// password, and changes checked (database path or URL, protected locations), sealed and stored in one replace.
import { UserError, type Store } from '@agent-generator/contracts';
import type { Logger } from '../logger';
import { SQL_TIMEOUT_MS, type ToolsSettingsPatch, type ToolsSettingsView } from '../schemas/tools-settings.schemas';
import { checkDatabasePath, type ProtectedLocations } from './database-path-guard';
import { checkPostgresUrl, hasPassword, withoutPassword } from './postgres-url-guard';
import { createProviderSecrets, keyHint, maskedKey, type ProviderSecrets } from './provider-secrets';
import { readStoredTools, SEARCH_KEY_SEAL_ID, SQL_URL_SEAL_ID, storedToolsValue, TOOLS_SETTINGS_SCOPE, type StoredSql, type StoredTools } from './tools-settings-document';

export interface ToolsSettingsServiceOptions {
  readonly store: Store;
  readonly sessionSecret: string;
  readonly logger: Logger;
  readonly protectedLocations: ProtectedLocations;
}

export function toolsSettingsView(tools: StoredTools, updatedAt: string | null): ToolsSettingsView {
  const key = tools.search?.apiKeyCiphertext ?? null;
  const sql = tools.sql;
  return {
    allowPrivateNetwork: tools.allowPrivateNetwork,
    sql: {
      databasePath: sql !== null && sql.kind !== 'postgres' ? sql.databasePath : null,
      postgres: sql?.kind === 'postgres' ? { url: sql.displayUrl, passwordSet: sql.passwordSet } : null,
      allowWrites: sql?.allowWrites ?? false,
      timeoutMs: sql?.timeoutMs ?? SQL_TIMEOUT_MS.default,
    },
    search: { url: tools.search?.url ?? null, apiKeySet: key !== null, apiKeyHint: key === null ? null : maskedKey(tools.search?.apiKeyHint ?? null) },
    updatedAt,
  };
}

/** The names of the fields a change sets (`sql.postgresUrl`, `search.apiKey`, …): never a value. */
export function changedFields(patch: ToolsSettingsPatch): ReadonlyArray<string> {
  return [
    ...(patch.allowPrivateNetwork === undefined ? [] : ['allowPrivateNetwork']),
    ...Object.keys(patch.sql ?? {}).map((name) => `sql.${name}`),
    ...Object.keys(patch.search ?? {}).map((name) => `search.${name}`),
  ];
}

export class ToolsSettingsService {
  private readonly secrets: ProviderSecrets;

  constructor(private readonly options: ToolsSettingsServiceOptions) {
    this.secrets = createProviderSecrets(options.sessionSecret);
  }

  async get(): Promise<ToolsSettingsView> {
    const record = await this.options.store.settings.get(TOOLS_SETTINGS_SCOPE);
    return toolsSettingsView(readStoredTools(record?.value), record?.updatedAt ?? null);
  }

  /** Checks everything before storing anything: a refused field leaves the stored document as it was. */
  async update(patch: ToolsSettingsPatch): Promise<ToolsSettingsView> {
    const { store, logger } = this.options;
    const record = await store.settings.get(TOOLS_SETTINGS_SCOPE);
    const current = readStoredTools(record?.value);
    const next: StoredTools = {
      allowPrivateNetwork: patch.allowPrivateNetwork ?? current.allowPrivateNetwork,
      sql: await this.nextSql(current, patch.sql),
      search: this.nextSearch(current, patch.search),
    };
    const saved = await store.settings.put({ scope: TOOLS_SETTINGS_SCOPE, value: storedToolsValue(next), expectedUpdatedAt: record?.updatedAt ?? null });
    logger.info({ changed: changedFields(patch) }, 'run tools settings updated');
    return toolsSettingsView(next, saved.updatedAt);
  }

  /** A path or URL replaces the database, null clears it, neither keeps it (checked again) with the new limits. */
  private async nextSql(current: StoredTools, change: ToolsSettingsPatch['sql']): Promise<StoredTools['sql']> {
    if (change === undefined) return current.sql;
    if (change.databasePath === null || change.postgresUrl === null) return null;
    const limits = {
      allowWrites: change.allowWrites ?? current.sql?.allowWrites ?? false,
      timeoutMs: change.timeoutMs ?? current.sql?.timeoutMs ?? SQL_TIMEOUT_MS.default,
    };
    const { protectedLocations } = this.options;
    if (change.databasePath !== undefined) {
      await checkDatabasePath(change.databasePath, protectedLocations);
      return { kind: 'sqlite', databasePath: change.databasePath, ...limits };
    }
    if (change.postgresUrl !== undefined) {
      checkPostgresUrl(change.postgresUrl, protectedLocations.databaseUrl);
      const urlCiphertext = this.secrets.seal({ providerId: SQL_URL_SEAL_ID, plain: change.postgresUrl });
      return { kind: 'postgres', urlCiphertext, displayUrl: withoutPassword(change.postgresUrl), passwordSet: hasPassword(change.postgresUrl), ...limits };
    }
    if (current.sql === null) throw new UserError('invalid_input', 'No SQL database is set: send sql.databasePath (a SQLite file) or sql.postgresUrl (a PostgreSQL URL) with these limits.', { field: 'sql.databasePath' });
    await this.checkKept(current.sql);
    return { ...current.sql, ...limits };
  }

  /** The kept database may have become forbidden since it was stored (a moved link, a new DATABASE_URL). */
  private async checkKept(sql: StoredSql): Promise<void> {
    const { protectedLocations } = this.options;
    if (sql.kind !== 'postgres') return void (await checkDatabasePath(sql.databasePath, protectedLocations));
    const url = this.secrets.open({ providerId: SQL_URL_SEAL_ID, sealed: sql.urlCiphertext });
    if (url !== undefined) checkPostgresUrl(url, protectedLocations.databaseUrl);
  }

  private nextSearch(current: StoredTools, change: ToolsSettingsPatch['search']): StoredTools['search'] {
    if (change === undefined) return current.search;
    const kept = { apiKeyCiphertext: current.search?.apiKeyCiphertext ?? null, apiKeyHint: current.search?.apiKeyHint ?? null };
    const key =
      change.apiKey === undefined
        ? kept
        : change.apiKey === null
          ? { apiKeyCiphertext: null, apiKeyHint: null }
          : { apiKeyCiphertext: this.secrets.seal({ providerId: SEARCH_KEY_SEAL_ID, plain: change.apiKey }), apiKeyHint: keyHint(change.apiKey) };
    if (change.url === null && key.apiKeyCiphertext === null) return null;
    return { url: change.url, ...key };
  }
}
