// The compatibility catalog: plain data, one copy for CLI, server and browser.
import type { Catalog, FrameworkEntry, FrameworkId, ModelEntry, PatternEntry, PatternId, ProviderEntry, ProviderId, ToolEntry, ToolId } from '@agent-generator/contracts';
import { exportTargets } from './export-targets';
import { frameworks } from './frameworks';
import { hyperscalers } from './hyperscalers';
import { models } from './models';
import { patterns } from './patterns';
import { providers } from './providers';
import { tools } from './tools';

export const catalog: Catalog = { hyperscalers, frameworks, patterns, providers, models, tools, exportTargets };

function byId<T extends { readonly id: string }>(entries: ReadonlyArray<T>, id: string): T {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`catalog has no entry "${id}"`);
  return entry;
}

export const frameworkById = (id: FrameworkId): FrameworkEntry => byId(frameworks, id);
export const patternById = (id: PatternId): PatternEntry => byId(patterns, id);
export const providerById = (id: ProviderId): ProviderEntry => byId(providers, id);
export const toolById = (id: ToolId): ToolEntry => byId(tools, id);

/** Models a provider serves, in catalog order. */
export function modelsOf(provider: ProviderId): ReadonlyArray<ModelEntry> {
  return models.filter((model) => model.provider === provider);
}

export function findModel(provider: ProviderId, id: string): ModelEntry | undefined {
  return models.find((model) => model.provider === provider && model.id === id);
}
