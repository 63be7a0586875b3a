// One provider as the settings see it: the catalog entry, its stored row (key still sealed) and
// what the start-up probe found, merged; plus the kinds of model API a catalog entry may speak.
import type { ProviderEntry, ProviderSettingsRecord } from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';
import { catalogProviderId, PROVIDER_KINDS, type LocalProviderProbe, type ProviderKind } from '@agent-generator/models';

export const OPTION_NAMES = ['region', 'project', 'spaceId', 'apiVersion'] as const;
export type OptionName = (typeof OPTION_NAMES)[number];
export type ProviderOptions = Partial<Record<OptionName, string>>;

export interface ProviderEntryState {
  readonly catalog: ProviderEntry;
  readonly kind: ProviderKind;
  readonly kinds: ReadonlyArray<ProviderKind>;
  readonly record: ProviderSettingsRecord | undefined;
  readonly detected: LocalProviderProbe | undefined;
}

export function kindsOf(providerId: string): ReadonlyArray<ProviderKind> {
  return PROVIDER_KINDS.filter((kind) => catalogProviderId(kind) === providerId);
}

export function catalogEntry(providerId: string): ProviderEntry | undefined {
  return catalog.providers.find((entry) => entry.id === providerId);
}

/** The stored kind when it belongs to this entry, else the entry's first kind. */
export function kindOf(providerId: string, record: ProviderSettingsRecord | undefined): ProviderKind | undefined {
  const kinds = kindsOf(providerId);
  const stored = record?.options.kind;
  return kinds.find((kind) => kind === stored) ?? kinds[0];
}

export function optionsOf(record: ProviderSettingsRecord | undefined): ProviderOptions {
  const options: ProviderOptions = {};
  for (const name of OPTION_NAMES) {
    const value = record?.options[name];
    if (typeof value === 'string' && value !== '') options[name] = value;
  }
  return options;
}

export function entryState(request: { readonly providerId: string; readonly record: ProviderSettingsRecord | undefined; readonly probes: ReadonlyArray<LocalProviderProbe> }): ProviderEntryState | undefined {
  const entry = catalogEntry(request.providerId);
  const kind = kindOf(request.providerId, request.record);
  if (entry === undefined || kind === undefined) return undefined;
  const detected = request.probes.find((probe) => probe.available && probe.provider === request.providerId);
  return { catalog: entry, kind, kinds: kindsOf(request.providerId), record: request.record, detected };
}
