// The planner's answer for the idea being typed: asked after a pause in typing, with the saved defaults.
import type { Selection } from '@agent-generator/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useSettings } from '../settings/use-settings';

const PAUSE_MS = 500;
const MIN_LENGTH = 8;

export function useDefaults(): Partial<Selection> {
  const defaults = useSettings().data?.global.value.defaults;
  if (!defaults) return {};
  const { framework, pattern, hyperscaler, provider, model } = defaults;
  return Object.fromEntries(Object.entries({ framework, pattern, hyperscaler, provider, model }).filter(([, value]) => value !== undefined));
}

export function usePlan(idea: string) {
  const [settled, setSettled] = useState(idea);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(idea), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [idea]);
  const selection = useDefaults();
  const text = settled.trim();
  return useQuery({
    queryKey: ['plan', text, selection],
    queryFn: () => api.plan({ idea: text, selection }),
    enabled: text.length >= MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
