// The audit log: append-only, listed newest first with actor, action and time filters.
import type { AuditEntry, AuditEntryId, AuditQuery, AuditRepository, JsonObject, Page, UserId } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from './schema';
import { pageWindow, parseJson, toTimestamp, type StoreContext } from './store-context';

function toEntry(row: Omit<Selectable<AuditLogTable>, 'seq'>): AuditEntry {
  return {
    id: row.id as AuditEntryId,
    at: row.at,
    actorId: row.actor_id as UserId | null,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: parseJson<JsonObject>(row.details),
    requestId: row.request_id,
    ipAddress: row.ip_address,
  };
}

export function createAuditRepository(context: StoreContext): AuditRepository {
  const { db } = context;
  return {
    async append(entry) {
      const row = {
        id: context.newId(),
        at: context.now(),
        actor_id: entry.actorId ?? null,
        actor_label: entry.actorLabel ?? null,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        details: JSON.stringify(entry.details ?? {}),
        request_id: entry.requestId ?? null,
        ip_address: entry.ipAddress ?? null,
      };
      await db.insertInto('audit_log').values(row).execute();
      return toEntry(row);
    },
    async list(query: AuditQuery = {}): Promise<Page<AuditEntry>> {
      const window = pageWindow(query);
      let filtered = db.selectFrom('audit_log');
      if (query.actorId !== undefined) filtered = filtered.where('actor_id', '=', query.actorId);
      if (query.action !== undefined) filtered = filtered.where('action', '=', query.action);
      if (query.since !== undefined) filtered = filtered.where('at', '>=', toTimestamp(query.since, 'since'));
      if (query.until !== undefined) filtered = filtered.where('at', '<', toTimestamp(query.until, 'until'));
      const [rows, count] = await Promise.all([
        filtered.selectAll().orderBy('at', 'desc').orderBy('seq', 'desc').limit(window.limit).offset(window.offset).execute(),
        filtered.select((select) => select.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toEntry), total: Number(count.total), ...window };
    },
  };
}
