// Fixed-window counters in the database, so a limit holds across every replica: one upsert per key
// either counts in the open window or starts a new one, atomically on both dialects.
import type { RateLimitRepository, RateLimitWindow } from '@agent-generator/contracts';
import { sql, type Selectable } from 'kysely';
import type { RateLimitsTable } from './schema';
import { toTimestamp, type StoreContext } from './store-context';

function toWindow(row: Selectable<RateLimitsTable>): RateLimitWindow {
  return { key: row.key, count: Number(row.count), startedAt: row.started_at, endsAt: row.ends_at };
}

export function createRateLimitRepository(context: StoreContext): RateLimitRepository {
  const { db } = context;
  return {
    async hit(keys, options) {
      const now = context.now();
      const endsAt = new Date(Date.parse(now) + Math.max(1, Math.trunc(options.windowMs))).toISOString();
      // The stored window has closed: this event opens a new one.
      const closed = sql<boolean>`${sql.ref('rate_limits.ends_at')} <= ${now}`;
      const windows: RateLimitWindow[] = [];
      for (const key of keys) {
        const row = await db
          .insertInto('rate_limits')
          .values({ key, count: 1, started_at: now, ends_at: endsAt })
          .onConflict((conflict) =>
            conflict.column('key').doUpdateSet({
              count: sql<number>`case when ${closed} then 1 else ${sql.ref('rate_limits.count')} + 1 end`,
              started_at: sql<string>`case when ${closed} then ${now} else ${sql.ref('rate_limits.started_at')} end`,
              ends_at: sql<string>`case when ${closed} then ${endsAt} else ${sql.ref('rate_limits.ends_at')} end`,
            }),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        windows.push(toWindow(row));
      }
      return windows;
    },
    async peek(keys) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('rate_limits')
        .selectAll()
        .where('key', 'in', [...keys])
        .where('ends_at', '>', context.now())
        .execute();
      const byKey = new Map(rows.map((row) => [row.key, toWindow(row)]));
      return keys.flatMap((key) => byKey.get(key) ?? []);
    },
    async reset(key) {
      const removed = await db.deleteFrom('rate_limits').where('key', '=', key).returning('ends_at').executeTakeFirst();
      return removed !== undefined && removed.ends_at > context.now();
    },
    async purge(before) {
      const result = await db.deleteFrom('rate_limits').where('ends_at', '<', toTimestamp(before, 'before')).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
