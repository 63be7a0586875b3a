// Applies an alternative (a partial selection) to a selection: the fields it names replace the old ones.
import type { Selection } from '@agent-generator/contracts';
import type { SelectionPatch } from './finding';

export function applyAlternative(selection: Selection, alternative: SelectionPatch): Selection {
  const defined = Object.fromEntries(Object.entries(alternative).filter(([, value]) => value !== undefined));
  return { ...selection, ...defined };
}
