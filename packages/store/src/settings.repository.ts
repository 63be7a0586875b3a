// Settings documents: one JSON object per scope ('global' or a user id), replaced whole.
import type { JsonObject, SettingsRecord, SettingsRepository, SettingsScope } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { SettingsTable } from './schema';
import { StoreConflictError, uniquely } from './store-errors';
import { parseJson, toTimestamp, type StoreContext } from './store-context';

function toSettings(row: Selectable<SettingsTable>): SettingsRecord {
  return { scope: row.scope as SettingsScope, value: parseJson<JsonObject>(row.value), updatedAt: row.updated_at };
}

const stale = (scope: string): StoreConflictError =>
  new StoreConflictError(`the settings of ${scope} changed since they were read; reload and apply the change again`, { entity: 'settings', fields: ['updatedAt'] });

export function createSettingsRepository(context: StoreContext): SettingsRepository {
  const { db } = context;
  return {
    async get(scope) {
      const row = await db.selectFrom('settings').selectAll().where('scope', '=', scope).executeTakeFirst();
      return row && toSettings(row);
    },
    async put(input) {
      const row = { scope: input.scope, value: JSON.stringify(input.value), updated_at: context.now() };
      const expected = input.expectedUpdatedAt;
      if (expected === undefined) {
        await db
          .insertInto('settings')
          .values(row)
          .onConflict((conflict) => conflict.column('scope').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
          .execute();
      } else if (expected === null) {
        await uniquely(() => db.insertInto('settings').values(row).execute(), { entity: 'settings', fields: ['updatedAt'], message: stale(input.scope).message });
      } else {
        const result = await db
          .updateTable('settings')
          .set({ value: row.value, updated_at: row.updated_at })
          .where('scope', '=', input.scope)
          .where('updated_at', '=', toTimestamp(expected, 'expectedUpdatedAt'))
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw stale(input.scope);
      }
      return toSettings(row);
    },
  };
}
