// OAuth/OIDC identities: a provider's subject linked to one local user.
import type { IdentityRecord, IdentityRepository, UserId } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { IdentitiesTable } from './schema';
import { uniquely } from './store-errors';
import type { StoreContext } from './store-context';

function toIdentity(row: Selectable<IdentitiesTable>): IdentityRecord {
  return { provider: row.provider, subject: row.subject, userId: row.user_id as UserId, email: row.email, createdAt: row.created_at };
}

export function createIdentityRepository(context: StoreContext): IdentityRepository {
  const { db } = context;
  return {
    async link(input) {
      const row = { provider: input.provider, subject: input.subject, user_id: input.userId, email: input.email ?? null, created_at: context.now() };
      const conflict = { entity: 'identity', fields: ['provider', 'subject'], message: `this ${input.provider} account is already linked to a user` };
      const missing = { entity: 'identity', fields: ['userId'], message: `user ${input.userId} does not exist` };
      await uniquely(() => db.insertInto('identities').values(row).execute(), conflict, missing);
      return toIdentity(row);
    },
    async find(key) {
      const row = await db.selectFrom('identities').selectAll().where('provider', '=', key.provider).where('subject', '=', key.subject).executeTakeFirst();
      return row && toIdentity(row);
    },
    async listForUser(userId) {
      const rows = await db.selectFrom('identities').selectAll().where('user_id', '=', userId).orderBy('provider').orderBy('subject').execute();
      return rows.map(toIdentity);
    },
    async unlink(key) {
      const result = await db.deleteFrom('identities').where('provider', '=', key.provider).where('subject', '=', key.subject).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
