// The files the server would generate for the current spec (nothing stored), for the Review step:
// the tree first, then each file's text when it is opened.
import type { ProjectSpec } from '@agent-generator/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export function usePreview(spec: ProjectSpec) {
  return useQuery({ queryKey: ['preview', spec], queryFn: () => api.preview.files(spec), retry: false, staleTime: Infinity });
}

export function usePreviewFile(spec: ProjectSpec, path: string | undefined) {
  return useQuery({ queryKey: ['preview', spec, 'file', path], queryFn: () => api.preview.file(spec, path ?? ''), enabled: path !== undefined, retry: false, staleTime: Infinity });
}
