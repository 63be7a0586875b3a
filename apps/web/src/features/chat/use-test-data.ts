// Server state the Test page reads: agents (projects), their last run's status, recent sessions, model choices.
import type { ModelChoice, Run } from '@agent-generator/client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { listProviders, runsApi } from './runs-api';

export function useAgents() {
  return useQuery({ queryKey: ['projects', 'list', { sort: 'updated', limit: 200 }], queryFn: () => api.projects.list({ sort: 'updated', order: 'desc', limit: 200 }) });
}

/** The newest run of each project among the latest 200 runs. */
export function useLastRuns(live: boolean) {
  return useQuery({
    queryKey: ['runs', 'latest-by-project'],
    queryFn: async () => {
      const page = await runsApi.runs.list({ limit: 200 });
      const latest = new Map<string, Run>();
      for (const run of page.items) if (!latest.has(run.projectId)) latest.set(run.projectId, run);
      return latest;
    },
    refetchInterval: live ? 3000 : false,
  });
}

export function useRecentSessions() {
  return useQuery({ queryKey: ['chat', 'sessions'], queryFn: () => runsApi.chat.list({ limit: 12 }) });
}

export interface ModelOption {
  readonly label: string;
  readonly value: string;
  readonly model: ModelChoice;
}

/** Models of the providers that are enabled or were found running here; empty when the server offers none. */
export function useModelOptions() {
  return useQuery({
    queryKey: ['providers', 'model-options'],
    retry: false,
    queryFn: async (): Promise<ReadonlyArray<ModelOption>> => {
      const { items } = await listProviders();
      return items
        .filter((provider) => provider.enabled || provider.source === 'detected')
        .flatMap((provider) => {
          const ids = [...new Set([provider.defaultModel, ...(provider.detected?.models ?? []), ...provider.catalogModels].filter((id): id is string => typeof id === 'string' && id !== ''))];
          return ids.map((id) => ({ label: `${provider.label} · ${id}`, value: `${provider.id}::${id}`, model: { provider: provider.id, id } }));
        });
    },
  });
}

/** The picked project with its latest spec; nothing is fetched before one is picked. */
export function useAgentDetail(projectId: string | undefined) {
  return useQuery({ queryKey: ['projects', projectId], queryFn: () => api.projects.get(projectId ?? ''), enabled: projectId !== undefined });
}

/** One run's record (its tools, totals, status); nothing is fetched without a run. Shares the run page's cache key. */
export function useRunRecord(runId: string | undefined) {
  return useQuery({ queryKey: ['runs', runId], queryFn: () => runsApi.runs.get(runId ?? ''), enabled: runId !== undefined });
}
