// Account rules: passwords hashed with argon2id, at least one active admin always remains, and a
// change of role, password or status signs the person out everywhere.
import { UserError, type Role, type Store, type UserId, type UserPatch, type UserRecord } from '@agent-generator/contracts';
import { checkPasswordRules, hashPassword } from '../auth/password';

export interface NewAccount {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password?: string | undefined;
}

export interface AccountPatch {
  readonly email?: string | undefined;
  readonly name?: string | undefined;
  readonly role?: Role | undefined;
  readonly disabled?: boolean | undefined;
  readonly password?: string | undefined;
}

const LAST_ADMIN = 'At least one active admin must remain: make someone else an admin first.';

export class UsersService {
  constructor(private readonly store: Store) {}

  async create(account: NewAccount): Promise<UserRecord> {
    if (account.password !== undefined) checkPasswordRules(account.password);
    const passwordHash = account.password === undefined ? null : await hashPassword(account.password);
    return this.store.users.create({ email: account.email, name: account.name, role: account.role, passwordHash });
  }

  async get(id: UserId): Promise<UserRecord> {
    const user = await this.store.users.get(id);
    if (!user) throw new UserError('not_found', `There is no user ${id}.`, { entity: 'user', id });
    return user;
  }

  private async guardLastAdmin(user: UserRecord, losesAdmin: boolean): Promise<void> {
    if (!losesAdmin || user.role !== 'admin' || user.disabled) return;
    const admins = await this.store.users.count({ role: 'admin', disabled: false });
    if (admins <= 1) throw new UserError('conflict', LAST_ADMIN, { entity: 'user', id: user.id });
  }

  /** Applies the patch; answers the user and whether their sessions were revoked. */
  async update(id: UserId, patch: AccountPatch): Promise<{ readonly user: UserRecord; readonly signedOut: boolean }> {
    const user = await this.get(id);
    await this.guardLastAdmin(user, (patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
    if (patch.password !== undefined) checkPasswordRules(patch.password);
    const changes: UserPatch = {
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(patch.password !== undefined ? { passwordHash: await hashPassword(patch.password) } : {}),
    };
    const updated = await this.store.users.update(id, changes);
    const signedOut = (patch.role !== undefined && patch.role !== user.role) || (patch.disabled === true && !user.disabled) || patch.password !== undefined;
    if (signedOut) await this.store.sessions.revokeAllForUser(id);
    return { user: updated, signedOut };
  }

  async delete(id: UserId): Promise<void> {
    const user = await this.get(id);
    await this.guardLastAdmin(user, true);
    await this.store.users.delete(id);
  }

  /** Creates or promotes the admin named by ADMIN_EMAIL/ADMIN_PASSWORD when no active admin exists. */
  async ensureFirstAdmin(account: { readonly email: string; readonly password: string }): Promise<UserRecord | undefined> {
    if ((await this.store.users.count({ role: 'admin', disabled: false })) > 0) return undefined;
    const existing = await this.store.users.findByEmail(account.email);
    if (existing) return (await this.update(existing.id, { role: 'admin', disabled: false, password: account.password })).user;
    return this.create({ email: account.email, name: account.email.split('@')[0] ?? account.email, role: 'admin', password: account.password });
  }
}
