// The store the routes use, watched for the writes that must end cached credentials at once: a
// token revoked, a user changed (role, disabled, password) or deleted. Inside a transaction the
// cache is told when the transaction ends, so a lookup during it cannot re-cache the old state.
import type { Store, StoreRepositories } from '@agent-generator/contracts';
import type { TokenPrincipalCache } from './token-principal-cache';

type Changed = (forget: () => void) => void;

async function thenForget<Result>(write: () => Promise<Result>, forget: () => void): Promise<Result> {
  try {
    return await write();
  } finally {
    forget();
  }
}

function watched(repositories: StoreRepositories, cache: TokenPrincipalCache, changed: Changed): Pick<StoreRepositories, 'apiTokens' | 'users'> {
  const { apiTokens, users } = repositories;
  return {
    apiTokens: { ...apiTokens, revoke: (id) => thenForget(() => apiTokens.revoke(id), () => changed(() => cache.forgetToken(id))) },
    users: {
      ...users,
      update: (id, patch) => thenForget(() => users.update(id, patch), () => changed(() => cache.forgetUser(id))),
      delete: (id) => thenForget(() => users.delete(id), () => changed(() => cache.forgetUser(id))),
    },
  };
}

export function watchCredentialChanges(store: Store, cache: TokenPrincipalCache): Store {
  return {
    ...store,
    ...watched(store, cache, (forget) => forget()),
    async transaction(work) {
      const pending: Array<() => void> = [];
      try {
        return await store.transaction((tx) => work({ ...tx, ...watched(tx, cache, (forget) => pending.push(forget)) }));
      } finally {
        for (const forget of pending) forget();
      }
    },
  };
}
