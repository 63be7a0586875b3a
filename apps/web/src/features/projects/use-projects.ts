// Server state of projects: the list, one project, its versions, files, a file's text and diffs.
import type { ListProjectsQuery } from '@agent-generator/client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

/** The list as the page first asks for it (no search or filter); the entry starts fetching it early. */
export const FIRST_LIST_QUERY: ListProjectsQuery = { sort: 'updated', order: 'desc', limit: 100 };

export function projectListQuery(query: ListProjectsQuery) {
  // A list fetched moments ago (by the entry, just before the page mounted) is not fetched again.
  return { queryKey: ['projects', 'list', query], queryFn: () => api.projects.list(query), staleTime: 5_000 };
}

export function useProjects(query: ListProjectsQuery) {
  return useQuery({ ...projectListQuery(query), placeholderData: keepPreviousData });
}

export function useProject(id: string) {
  return useQuery({ queryKey: ['projects', id], queryFn: () => api.projects.get(id) });
}

export function useVersions(id: string) {
  return useQuery({ queryKey: ['projects', id, 'versions'], queryFn: () => api.projects.versions(id) });
}

export function useFiles(id: string, version: number | undefined) {
  return useQuery({ queryKey: ['projects', id, 'files', version], queryFn: () => api.projects.files(id, version), enabled: version !== undefined });
}

export function useFileText(id: string, file: { readonly path: string | undefined; readonly version: number | undefined }) {
  return useQuery({
    queryKey: ['projects', id, 'file', file.version, file.path],
    queryFn: () => api.projects.file(id, file.path ?? '', file.version),
    enabled: file.path !== undefined && file.version !== undefined,
    staleTime: Infinity,
  });
}

export function useDiff(id: string, range: { readonly from: number; readonly to: number } | undefined) {
  return useQuery({ queryKey: ['projects', id, 'diff', range], queryFn: () => api.projects.diff(id, range ?? { from: 1, to: 1 }), enabled: range !== undefined, staleTime: Infinity });
}

export function useDeleteProject() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.projects.remove(id), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'] }) });
}
