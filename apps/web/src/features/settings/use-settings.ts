// Server state of settings: both documents, and saving each of them (with the server's conflict check).
import type { GlobalSettings, Settings, UserSettings } from '@agent-generator/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

const KEY = ['settings'];

/** Both settings documents; the entry starts fetching them early for someone signed in. */
export const settingsQuery = { queryKey: KEY, queryFn: () => api.settings.get(), staleTime: 60_000 };

export function useSettings() {
  return useQuery(settingsQuery);
}

export function useSaveOwnSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: UserSettings) => api.settings.putOwn(value, queryClient.getQueryData<Settings>(KEY)?.user.updatedAt ?? null),
    onSuccess: (settings) => queryClient.setQueryData(KEY, settings),
  });
}

export function useSaveGlobalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: GlobalSettings) => api.settings.putGlobal(value, queryClient.getQueryData<Settings>(KEY)?.global.updatedAt ?? null),
    onSuccess: (settings) => queryClient.setQueryData(KEY, settings),
  });
}
