// The formatter for the signed-in person's saved locale; English until the settings have loaded.
import { useMemo } from 'react';
import { useSettings } from '../features/settings/use-settings';
import { createFormatter, type Formatter } from './format';

export function useFormat(): Formatter {
  const locale = useSettings().data?.user.value.locale ?? 'en';
  return useMemo(() => createFormatter(locale), [locale]);
}
