// Cookie sessions, keyed by the sha256 of the cookie token: expiring, touchable, revocable.
import type { SessionId, SessionRecord, SessionRepository, UserId } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { SessionsTable } from './schema';
import { uniquely } from './store-errors';
import { fastReadsOf, toTimestamp, type StoreContext } from './store-context';

function toSession(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id as SessionId,
    userId: row.user_id as UserId,
    csrfSecret: row.csrf_secret,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
    userAgent: row.user_agent,
    ipAddress: row.ip_address,
  };
}

export function createSessionRepository(context: StoreContext): SessionRepository {
  const { db } = context;
  const active = () => {
    const now = context.now();
    return db.selectFrom('sessions').selectAll().where('revoked_at', 'is', null).where('expires_at', '>', now);
  };
  return {
    async create(input) {
      const now = context.now();
      const row = {
        id: input.id,
        user_id: input.userId,
        csrf_secret: input.csrfSecret,
        created_at: now,
        expires_at: toTimestamp(input.expiresAt, 'expiresAt'),
        last_seen_at: now,
        revoked_at: null,
        user_agent: input.userAgent ?? null,
        ip_address: input.ipAddress ?? null,
      };
      const missing = { entity: 'session', fields: ['userId'], message: `user ${input.userId} does not exist` };
      await uniquely(() => db.insertInto('sessions').values(row).execute(), { entity: 'session', fields: ['id'], message: 'this session already exists' }, missing);
      return toSession(row);
    },
    async get(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSession(row);
    },
    async findActive(id) {
      const fast = fastReadsOf(context);
      const row = fast ? fast.activeSession(id, context.now()) : await active().where('id', '=', id).executeTakeFirst();
      return row && toSession(row);
    },
    async touch(id, options = {}) {
      const expires = options.expiresAt === undefined ? {} : { expires_at: toTimestamp(options.expiresAt, 'expiresAt') };
      await db.updateTable('sessions').set({ last_seen_at: context.now(), ...expires }).where('id', '=', id).execute();
    },
    async revoke(id) {
      const result = await db.updateTable('sessions').set({ revoked_at: context.now() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async revokeAllForUser(userId) {
      const now = context.now();
      const result = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async listActiveForUser(userId) {
      const rows = await active().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toSession);
    },
    async purge(before) {
      const cutoff = toTimestamp(before, 'before');
      const result = await db
        .deleteFrom('sessions')
        .where((where) => where.or([where('expires_at', '<', cutoff), where('revoked_at', '<', cutoff)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
