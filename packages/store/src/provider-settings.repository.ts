// Model-provider settings: one row per provider; the API key only ever as ciphertext and a hint.
import type { JsonObject, ProviderSettingsRecord, ProviderSettingsRepository } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { ProviderSettingsTable } from './schema';
import { parseJson, type StoreContext } from './store-context';

function toProviderSettings(row: Selectable<ProviderSettingsTable>): ProviderSettingsRecord {
  return {
    id: row.id,
    enabled: Number(row.enabled) === 1,
    baseUrl: row.base_url,
    apiKeyCiphertext: row.api_key_ciphertext,
    apiKeyHint: row.api_key_hint,
    defaultModel: row.default_model,
    options: parseJson<JsonObject>(row.options),
    updatedAt: row.updated_at,
  };
}

export function createProviderSettingsRepository(context: StoreContext): ProviderSettingsRepository {
  const { db } = context;
  return {
    async list() {
      const rows = await db.selectFrom('provider_settings').selectAll().orderBy('id').execute();
      return rows.map(toProviderSettings);
    },
    async get(id) {
      const row = await db.selectFrom('provider_settings').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProviderSettings(row);
    },
    async put(record) {
      const row = {
        id: record.id,
        enabled: record.enabled ? 1 : 0,
        base_url: record.baseUrl,
        api_key_ciphertext: record.apiKeyCiphertext,
        api_key_hint: record.apiKeyHint,
        default_model: record.defaultModel,
        options: JSON.stringify(record.options),
        updated_at: context.now(),
      };
      const { enabled, base_url, api_key_ciphertext, api_key_hint, default_model, options, updated_at } = row;
      const changes = { enabled, base_url, api_key_ciphertext, api_key_hint, default_model, options, updated_at };
      await db
        .insertInto('provider_settings')
        .values(row)
        .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
        .execute();
      return toProviderSettings(row);
    },
  };
}
