// Lookups over a catalog passed in, so the rules can be run against any catalog (tests inject one).
import type {
  Catalog,
  ExportTargetEntry,
  ExportTargetId,
  FrameworkEntry,
  FrameworkId,
  HyperscalerEntry,
  HyperscalerId,
  ModelEntry,
  PatternEntry,
  PatternId,
  ProviderEntry,
  ProviderId,
  ToolEntry,
  ToolId,
} from '@agent-generator/contracts';

function entryOf<T extends { readonly id: string }>(entries: ReadonlyArray<T>, id: string): T {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`the compatibility catalog has no entry "${id}"`);
  return entry;
}

export const frameworkIn = (catalog: Catalog, id: FrameworkId): FrameworkEntry => entryOf(catalog.frameworks, id);
export const hyperscalerIn = (catalog: Catalog, id: HyperscalerId): HyperscalerEntry => entryOf(catalog.hyperscalers, id);
export const patternIn = (catalog: Catalog, id: PatternId): PatternEntry => entryOf(catalog.patterns, id);
export const providerIn = (catalog: Catalog, id: ProviderId): ProviderEntry => entryOf(catalog.providers, id);
export const toolIn = (catalog: Catalog, id: ToolId): ToolEntry => entryOf(catalog.tools, id);
export const exportTargetIn = (catalog: Catalog, id: ExportTargetId): ExportTargetEntry => entryOf(catalog.exportTargets, id);

/** Models a provider serves, in catalog order. */
export function modelsServedBy(catalog: Catalog, provider: ProviderId): ReadonlyArray<ModelEntry> {
  return catalog.models.filter((model) => model.provider === provider);
}

/** Every catalog entry with this model id (one id may be served by several providers). */
export function modelsWithId(catalog: Catalog, id: string): ReadonlyArray<ModelEntry> {
  return catalog.models.filter((model) => model.id === id);
}

/** Labels joined for a sentence: "A, B or C". */
export function listOf(labels: ReadonlyArray<string>, conjunction = 'or'): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} ${conjunction} ${labels[labels.length - 1] ?? ''}`;
}

/** "Ollama's", but "Strands Agents'". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
