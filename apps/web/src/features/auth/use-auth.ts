// Server state of sign-in: which methods exist, who is signed in, and the sign-in/setup/sign-out actions.
import type { SignedIn } from '@agent-generator/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { sessionStore } from '../../app/session-store';

export function useAuthStatus() {
  return useQuery({ queryKey: ['auth', 'status'], queryFn: () => api.auth.status(), staleTime: 60_000 });
}

export function useMe() {
  return useQuery({
    queryKey: ['auth', 'me'],
    queryFn: async () => {
      const me = await api.auth.me();
      sessionStore.signedIn(me.csrfToken);
      return me;
    },
    retry: false,
    staleTime: 5 * 60_000,
  });
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
