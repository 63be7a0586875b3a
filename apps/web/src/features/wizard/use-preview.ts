// The files the server would generate for the current spec (nothing stored), for the Review step.
import type { ProjectSpec } from '@agent-generator/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export function usePreview(spec: ProjectSpec) {
  return useQuery({ queryKey: ['preview', spec], queryFn: () => api.preview(spec), retry: false, staleTime: Infinity });
}
