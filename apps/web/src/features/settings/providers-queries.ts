// Server state of model providers: the list, saving one, testing one, and its model list.
import type { ProviderChange, ProviderSettingsView } from '@agent-generator/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

const KEY = ['providers'];

export function useProviders(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: () => api.providers.list(), enabled, retry: false });
}

/** The provider's own model list; asked only once it has stored settings. */
export function useProviderModels(provider: ProviderSettingsView) {
  return useQuery({
    queryKey: [...KEY, provider.id, 'models', provider.updatedAt],
    queryFn: () => api.providers.models(provider.id),
    enabled: provider.source === 'stored' && provider.enabled && !provider.keyUnreadable,
    retry: false,
    staleTime: 5 * 60_000,
  });
}

export function useSaveProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { readonly id: string; readonly change: ProviderChange }) => api.providers.update(id, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export const testProvider = (id: string, change: ProviderChange) => api.providers.test(id, change);
