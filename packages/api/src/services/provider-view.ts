// What GET /api/providers shows for one provider: settings, a masked key hint and never the key.
import { modelsOf } from '@agent-generator/core';
import { PROVIDERS, type ProviderFacts, type ProviderKind } from '@agent-generator/models';
import type { z } from '@hono/zod-openapi';
import type { ProviderSchema } from '../schemas/provider.schemas';
import type { ProviderEntryState } from './provider-entry';
import { optionsOf } from './provider-entry';
import { maskedKey, type ProviderSecrets } from './provider-secrets';

/** The shape GET /api/providers answers with (schemas/provider.schemas.ts). */
export type ProviderView = z.output<typeof ProviderSchema>;

function defaultBaseUrl(kind: ProviderKind): string | null {
  const facts: ProviderFacts = PROVIDERS[kind];
  return facts.defaultBaseUrl ?? null;
}

export function providerView(state: ProviderEntryState, secrets: ProviderSecrets): ProviderView {
  const { record, detected } = state;
  const sealed = record?.apiKeyCiphertext ?? null;
  const unreadable = sealed !== null && secrets.open({ providerId: state.catalog.id, sealed }) === undefined;
  return {
    id: state.catalog.id,
    label: state.catalog.label,
    group: state.catalog.group,
    docsUrl: state.catalog.docsUrl,
    kind: state.kind,
    kinds: [...state.kinds],
    enabled: record?.enabled ?? false,
    baseUrl: record?.baseUrl ?? null,
    defaultBaseUrl: defaultBaseUrl(state.kind),
    apiKeyMasked: sealed === null ? null : maskedKey(record?.apiKeyHint ?? null),
    keyUnreadable: unreadable,
    defaultModel: record?.defaultModel ?? null,
    options: optionsOf(record),
    source: record !== undefined ? 'stored' : detected !== undefined ? 'detected' : null,
    detected: detected === undefined ? null : { baseUrl: detected.baseUrl, models: detected.models.map((model) => model.id) },
    catalogModels: modelsOf(state.catalog.id).map((model) => model.id),
    updatedAt: record?.updatedAt ?? null,
  };
}
