// Server state of the run tools' settings (admins only): the document, and saving a change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ToolsSettings, ToolsSettingsChange } from '@agent-generator/client';

const KEY = ['settings', 'tools'];

/** Asked only for admins: the route answers 403 to everyone else. */
export function useToolsSettings(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: (): Promise<ToolsSettings> => api.settings.tools.get(), enabled, retry: false });
}

export function useSaveToolsSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ToolsSettingsChange): Promise<ToolsSettings> => api.settings.tools.update(change),
    onSuccess: (settings) => queryClient.setQueryData(KEY, settings),
  });
}
