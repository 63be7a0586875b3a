// API tokens for the CLI and scripts: stored as a hash with a visible prefix, scoped, expiring, revocable.
import type { ApiTokenId, ApiTokenRecord, ApiTokenRepository, UserId } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { ApiTokensTable } from './schema';
import { uniquely } from './store-errors';
import { fastReadsOf, parseJson, toTimestamp, type StoreContext } from './store-context';

function toToken(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id as ApiTokenId,
    userId: row.user_id as UserId,
    name: row.name,
    prefix: row.prefix,
    tokenHash: row.token_hash,
    scopes: parseJson<string[]>(row.scopes),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export function createApiTokenRepository(context: StoreContext): ApiTokenRepository {
  const { db } = context;
  return {
    async create(input) {
      const row = {
        id: context.newId(),
        user_id: input.userId,
        name: input.name,
        prefix: input.prefix,
        token_hash: input.tokenHash,
        scopes: JSON.stringify(input.scopes),
        created_at: context.now(),
        last_used_at: null,
        expires_at: input.expiresAt == null ? null : toTimestamp(input.expiresAt, 'expiresAt'),
        revoked_at: null,
      };
      const taken = { entity: 'apiToken', fields: ['tokenHash'], message: 'a token with this hash already exists' };
      const missing = { entity: 'apiToken', fields: ['userId'], message: `user ${input.userId} does not exist` };
      await uniquely(() => db.insertInto('api_tokens').values(row).execute(), taken, missing);
      return toToken(row);
    },
    async get(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toToken(row);
    },
    async findActiveByHash(tokenHash) {
      const now = context.now();
      const fast = fastReadsOf(context);
      if (fast) {
        const found = fast.apiTokenByHash(tokenHash, now);
        return found && toToken(found);
      }
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where((where) => where.or([where('expires_at', 'is', null), where('expires_at', '>', now)]))
        .executeTakeFirst();
      return row && toToken(row);
    },
    async listForUser(userId) {
      const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toToken);
    },
    async touch(id) {
      await db.updateTable('api_tokens').set({ last_used_at: context.now() }).where('id', '=', id).execute();
    },
    async revoke(id) {
      const result = await db.updateTable('api_tokens').set({ revoked_at: context.now() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
