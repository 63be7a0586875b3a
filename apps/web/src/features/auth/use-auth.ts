// Server state of sign-in: which methods exist, who is signed in, and the sign-in/setup/sign-out actions.
import type { SignedIn } from '@agent-generator/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { sessionStore } from '../../app/session-store';

/** Which sign-in methods exist; the entry starts fetching it before the first render. */
export const authStatusQuery = { queryKey: ['auth', 'status'], queryFn: () => api.auth.status(), staleTime: 60_000 };

/** Who is signed in (an error of 401 for nobody); the entry starts fetching it before the first render. */
export const meQuery = {
  queryKey: ['auth', 'me'],
  queryFn: async () => {
    const me = await api.auth.me();
    sessionStore.signedIn(me.csrfToken);
    return me;
  },
  retry: false,
  // An early answer of 401 that lands before the first render is the answer: mounting does not ask again.
  retryOnMount: false,
  staleTime: 5 * 60_000,
};

export function useAuthStatus() {
  return useQuery(authStatusQuery);
}

export function useMe() {
  return useQuery(meQuery);
}

function useSignedIn() {
  const queryClient = useQueryClient();
  return (answer: SignedIn) => {
    sessionStore.signedIn(answer.csrfToken);
    // Everything cached belonged to the old session (or none): fetch it again, keeping what is on screen.
    void queryClient.invalidateQueries();
  };
}

export function useLogin() {
  const onSignedIn = useSignedIn();
  return useMutation({ mutationFn: api.auth.login, onSuccess: onSignedIn });
}

export function useSetup() {
  const onSignedIn = useSignedIn();
  return useMutation({ mutationFn: api.auth.setup, onSuccess: onSignedIn });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.auth.logout,
    onSettled: async () => {
      sessionStore.signedOut();
      // Forget everything the session could see, then ask who is signed in (nobody): the sign-in page shows.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      await queryClient.resetQueries({ queryKey: ['auth'] });
    },
  });
}
