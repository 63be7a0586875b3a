// First-run admin from configuration (ADMIN_EMAIL / ADMIN_PASSWORD), so a deploy needs no setup page.
import { UserError, type Store, type UserRecord } from '@agent-generator/contracts';
import { UsersService } from './services/users.service';

/** Creates (or promotes) the admin when no active admin exists; answers the user when it did. */
export async function bootstrapAdmin(store: Store, account: { readonly email: string; readonly password: string }): Promise<UserRecord | undefined> {
  const users = new UsersService(store);
  // Replicas starting together race to create the same admin; the loser finds it on the second look.
  const user = await users.ensureFirstAdmin(account).catch((error: unknown) => {
    if (error instanceof UserError && error.code === 'conflict') return users.ensureFirstAdmin(account);
    throw error;
  });
  if (user) await store.audit.append({ actorId: null, actorLabel: 'configuration', action: 'setup-complete', targetType: 'user', targetId: user.id, details: { source: 'ADMIN_EMAIL' } });
  return user;
}
