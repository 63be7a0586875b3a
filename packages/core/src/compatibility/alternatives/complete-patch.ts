// Completes a candidate alternative: when changing one field breaks another (a new framework that
// lacks the pattern, provider or export target), the broken field is replaced by a preferred value.
import { applyAlternative } from '../apply-alternative';
import { frameworkIn } from '../catalog-lookup';
import type { DiagnosticCategory, Finding, RuleContext, SelectionPatch } from '../finding';
import { preferredExportTargets, preferredModel, preferredProvider } from './preferences';
import { rowKey, type SearchContext } from './search-context';

type Repair = {
  readonly field: 'pattern' | 'provider' | 'model' | 'exportTarget';
  readonly category: DiagnosticCategory;
  readonly replacement: (context: RuleContext) => SelectionPatch;
};

// In dependency order: a repaired provider can break the model, so the model comes after it.
const REPAIRS: ReadonlyArray<Repair> = [
  { field: 'pattern', category: 'pattern', replacement: ({ selection, catalog }) => ({ pattern: frameworkIn(catalog, selection.framework).defaultPattern }) },
  {
    field: 'provider',
    category: 'provider',
    replacement: ({ selection, catalog }) => {
      const provider = preferredProvider(catalog, frameworkIn(catalog, selection.framework), selection.hyperscaler);
      return provider ? { provider } : {};
    },
  },
  {
    field: 'model',
    category: 'model',
    replacement: ({ selection, catalog }) => {
      const model = selection.provider ? preferredModel(catalog, selection.provider, (selection.tools ?? []).length > 0) : undefined;
      return model ? { model: model.id } : {};
    },
  },
  {
    field: 'exportTarget',
    category: 'export',
    replacement: ({ selection, catalog }) => {
      const [target] = preferredExportTargets(frameworkIn(catalog, selection.framework), selection.hyperscaler);
      return target ? { exportTarget: target } : {};
    },
  },
];

/**
 * The candidate plus whatever second changes keep the other rows free of new errors. Errors the
 * selection already had are left alone: they have their own rows and alternatives.
 */
export function completePatch(search: SearchContext, target: Finding, candidate: SelectionPatch): SelectionPatch {
  let patch = candidate;
  let selection = applyAlternative(search.selection, patch);
  for (const repair of REPAIRS) {
    if (repair.category === target.category || patch[repair.field] !== undefined) continue;
    const broken = search
      .findingsOf(selection)
      .some((row) => row.category === repair.category && row.severity === 'err' && !search.errorsBefore.has(rowKey(row)));
    if (!broken) continue;
    patch = { ...patch, ...repair.replacement({ selection, catalog: search.catalog }) };
    selection = applyAlternative(search.selection, patch);
  }
  return patch;
}
