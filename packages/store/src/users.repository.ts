// Local accounts: unique email (case-insensitive), role, optional password hash, disabled flag.
import type { NewUser, Page, Role, UserId, UserListQuery, UserPatch, UserRecord, UserRepository } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { UsersTable } from './schema';
import { StoreConflictError, isForeignKeyViolation, notFound, uniquely } from './store-errors';
import { atomically, containsText, fastReadsOf, pageWindow, type StoreContext } from './store-context';

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id as UserId,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    disabled: Boolean(row.disabled),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const emailKey = (email: string): string => email.trim().toLowerCase();
const emailTaken = (email: string) => ({ entity: 'user', fields: ['email'], message: `a user with the email ${email} already exists` });

export function createUserRepository(context: StoreContext): UserRepository {
  const { db } = context;
  const get = async (id: UserId): Promise<UserRecord | undefined> => {
    const fast = fastReadsOf(context);
    const row = fast ? fast.userById(id) : await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  };
  return {
    async create(input: NewUser) {
      const now = context.now();
      const row = {
        id: context.newId(),
        email: input.email.trim(),
        email_key: emailKey(input.email),
        name: input.name,
        name_key: input.name.toLowerCase(),
        role: input.role,
        password_hash: input.passwordHash ?? null,
        disabled: input.disabled ? 1 : 0,
        created_at: now,
        updated_at: now,
      };
      await uniquely(() => db.insertInto('users').values(row).execute(), emailTaken(row.email));
      return toUser(row);
    },
    get,
    async findByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email_key', '=', emailKey(email)).executeTakeFirst();
      return row && toUser(row);
    },
    async list(query: UserListQuery = {}): Promise<Page<UserRecord>> {
      const window = pageWindow(query);
      let filtered = db.selectFrom('users');
      if (query.role !== undefined) filtered = filtered.where('role', '=', query.role);
      if (query.search !== undefined && query.search.trim() !== '') {
        const term = query.search.trim();
        filtered = filtered.where((where) => where.or([containsText('email_key', term), containsText('name_key', term)]));
      }
      const [rows, count] = await Promise.all([
        filtered.selectAll().orderBy('email_key').orderBy('id').limit(window.limit).offset(window.offset).execute(),
        filtered.select((select) => select.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toUser), total: Number(count.total), ...window };
    },
    async count(filter = {}) {
      let query = db.selectFrom('users');
      if (filter.role !== undefined) query = query.where('role', '=', filter.role);
      if (filter.disabled !== undefined) query = query.where('disabled', '=', filter.disabled ? 1 : 0);
      const row = await query.select((select) => select.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      return Number(row.total);
    },
    async update(id, patch: UserPatch) {
      const changes = {
        ...(patch.email === undefined ? {} : { email: patch.email.trim(), email_key: emailKey(patch.email) }),
        ...(patch.name === undefined ? {} : { name: patch.name, name_key: patch.name.toLowerCase() }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
        ...(patch.disabled === undefined ? {} : { disabled: patch.disabled ? 1 : 0 }),
        updated_at: context.now(),
      };
      const result = await uniquely(() => db.updateTable('users').set(changes).where('id', '=', id).executeTakeFirst(), emailTaken(patch.email ?? ''));
      if (Number(result.numUpdatedRows) === 0) throw notFound('user', id);
      const updated = await get(id);
      if (!updated) throw notFound('user', id);
      return updated;
    },
    async delete(id) {
      try {
        return await atomically(context, async (tx) => {
          await tx.deleteFrom('settings').where('scope', '=', id).execute();
          const result = await tx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
          return Number(result.numDeletedRows) > 0;
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new StoreConflictError(`user ${id} still owns projects; delete or hand over the projects first, or disable the user`, { entity: 'user', fields: ['projects'] });
        }
        throw error;
      }
    },
  };
}
