// From stored settings (and unsaved edits) to what packages/models needs: the effective settings
// of one provider with its key opened, and `resolveAgentModel` for the run executor.
import { UserError, type AgentModel, type ProviderSettingsRecord, type Store } from '@agent-generator/contracts';
import { catalogProviderId, createAgentModel, PROVIDER_KINDS, type ProviderKind, type ProviderSettingsInput } from '@agent-generator/models';
import type { z } from '@hono/zod-openapi';
import type { PutProviderSchema } from '../schemas/provider.schemas';
import { catalogEntry, kindOf, OPTION_NAMES, optionsOf, type ProviderEntryState, type ProviderOptions } from './provider-entry';
import { createProviderSecrets, type ProviderSecrets } from './provider-secrets';

/** PUT /api/providers/:id: absent fields keep what is stored; null clears. */
export type ProviderPatch = z.output<typeof PutProviderSchema>;

export interface EffectiveProvider {
  readonly providerId: string;
  readonly label: string;
  readonly kind: ProviderKind;
  readonly enabled: boolean;
  readonly baseUrl: string | null;
  readonly apiKey: string | undefined;
  readonly keyUnreadable: boolean;
  readonly defaultModel: string | null;
  readonly options: ProviderOptions;
}

export function unreadableKeyError(label: string): UserError {
  return new UserError('invalid_input', `The API key stored for ${label} can no longer be read (SESSION_SECRET has changed since it was saved). Re-enter the key in Settings → Providers.`, {
    reason: 'key_unreadable',
  });
}

function mergedOptions(stored: ProviderOptions, patch: ProviderPatch['options']): ProviderOptions {
  const merged: ProviderOptions = {};
  for (const name of OPTION_NAMES) {
    const value = patch?.[name] === undefined ? stored[name] : patch[name];
    if (typeof value === 'string') merged[name] = value;
  }
  return merged;
}

function openKey(request: { readonly providerId: string; readonly record: ProviderSettingsRecord | undefined; readonly secrets: ProviderSecrets }): { readonly apiKey?: string; readonly unreadable: boolean } {
  const sealed = request.record?.apiKeyCiphertext ?? null;
  if (sealed === null) return { unreadable: false };
  const apiKey = request.secrets.open({ providerId: request.providerId, sealed });
  return apiKey === undefined ? { unreadable: true } : { apiKey, unreadable: false };
}

export function effectiveProvider(request: { readonly state: ProviderEntryState; readonly patch?: ProviderPatch; readonly secrets: ProviderSecrets }): EffectiveProvider {
  const { state, patch = {}, secrets } = request;
  const providerId = state.catalog.id;
  const stored = openKey({ providerId, record: state.record, secrets });
  const apiKey = patch.apiKey === undefined ? stored.apiKey : (patch.apiKey ?? undefined);
  return {
    providerId,
    label: state.catalog.label,
    kind: patch.kind ?? state.kind,
    enabled: patch.enabled ?? state.record?.enabled ?? false,
    baseUrl: patch.baseUrl !== undefined ? patch.baseUrl : (state.record?.baseUrl ?? state.detected?.baseUrl ?? null),
    apiKey,
    keyUnreadable: patch.apiKey === undefined && stored.unreadable,
    defaultModel: patch.defaultModel !== undefined ? patch.defaultModel : (state.record?.defaultModel ?? null),
    options: mergedOptions(optionsOf(state.record), patch.options),
  };
}

/** Settings for packages/models; throws when the stored key cannot be opened. */
export function modelSettings(provider: EffectiveProvider, tuning: { readonly model: string; readonly timeoutMs?: number; readonly maxRetries?: number }): ProviderSettingsInput {
  if (provider.keyUnreadable) throw unreadableKeyError(provider.label);
  return {
    provider: provider.kind,
    model: tuning.model,
    ...(provider.baseUrl === null ? {} : { baseUrl: provider.baseUrl }),
    ...(provider.apiKey === undefined ? {} : { apiKey: provider.apiKey }),
    ...provider.options,
    ...(tuning.timeoutMs === undefined ? {} : { timeoutMs: tuning.timeoutMs }),
    ...(tuning.maxRetries === undefined ? {} : { maxRetries: tuning.maxRetries }),
  };
}

/** A catalog id (`vertex`) or a model-API kind (`gemini`) → the catalog id. */
function catalogIdOf(provider: string): string {
  const kind = PROVIDER_KINDS.find((candidate) => candidate === provider);
  return kind === undefined ? provider : catalogProviderId(kind);
}

export type ResolveAgentModel = (store: Store, selection: { readonly provider?: string; readonly model?: string }) => Promise<AgentModel | undefined>;

/**
 * The model a run uses: the chosen provider (enabled) with the chosen model or its default; with no
 * choice, the first enabled provider that has a default model. Undefined when nothing is configured.
 */
export function createProviderModelResolver(options: { readonly sessionSecret: string; readonly fetch?: typeof fetch }): ResolveAgentModel {
  const secrets = createProviderSecrets(options.sessionSecret);
  return async (store, selection) => {
    const enabled = (await store.providerSettings.list()).filter((record) => record.enabled);
    const wanted = selection.provider === undefined ? undefined : catalogIdOf(selection.provider);
    const record = wanted === undefined ? enabled.find((candidate) => candidate.defaultModel !== null) : enabled.find((candidate) => candidate.id === wanted);
    const entry = record && catalogEntry(record.id);
    const kind = record && kindOf(record.id, record);
    const model = selection.model ?? record?.defaultModel ?? undefined;
    if (record === undefined || entry === undefined || kind === undefined || model === undefined) return undefined;
    const provider = effectiveProvider({ state: { catalog: entry, kind, kinds: [kind], record, detected: undefined }, secrets });
    return createAgentModel(modelSettings(provider, { model }), options.fetch === undefined ? {} : { fetch: options.fetch });
  };
}
