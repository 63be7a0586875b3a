// Catalog facts the generated project needs about tools and providers (descriptions, env names).
import type { ProviderEntry, ProviderId, ToolEntry, ToolId } from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';

export function toolEntry(id: ToolId): ToolEntry {
  const entry = catalog.tools.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`catalog has no tool "${id}"`);
  return entry;
}

export function providerEntry(id: ProviderId): ProviderEntry {
  const entry = catalog.providers.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`catalog has no provider "${id}"`);
  return entry;
}
